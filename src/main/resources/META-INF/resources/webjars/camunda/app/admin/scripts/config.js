// Admin presented as the inspection service's user administration.
export default {
  // The header reads vendor, then name ("Camunda Tasklist"): the product once, then this app.
  app: {
    vendor: 'Joint inspections',
    name: 'Administration'
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
