// The landing page after login, presented as the inspection service.
export default {
  app: {
    name: 'Joint inspections',
    vendor: 'Home'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  }
};
