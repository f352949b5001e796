// The landing page after login, presented as the inspection service.
export default {
  // The header reads vendor, then name ("Camunda Tasklist"): the product once, then this app.
  app: {
    vendor: 'Joint inspections',
    name: 'Home'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  }
};
