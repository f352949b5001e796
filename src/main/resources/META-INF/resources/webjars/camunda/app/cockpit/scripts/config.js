// Cockpit presented as the inspection service's operations view.
export default {
  // The header reads vendor, then name ("Camunda Tasklist"): the product once, then this app.
  app: {
    vendor: 'Joint inspections',
    name: 'Operations'
  },
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  // Operators retry and modify instances; the inspectors' listeners must still run when they do.
  skipCustomListeners: {
    default: false,
    hidden: false
  }
};
