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
  },
  // Loaded from app/admin/: the dashboard's "Mailbox" section while the H2 demo runs its own mail server
  // (web.AdminMailboxLinkController answers with no plugin where it does not).
  customScripts: ['scripts/mailbox-link']
};
