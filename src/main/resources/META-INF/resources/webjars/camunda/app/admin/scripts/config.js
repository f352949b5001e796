// Admin presented as the inspection service's user administration.
export default {
  app: {
    name: 'Joint inspections',
    vendor: 'Administration'
  },
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  }
};
