// Cockpit presented as the inspection service's operations view.
export default {
  app: {
    name: 'Joint inspections',
    vendor: 'Operations'
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
