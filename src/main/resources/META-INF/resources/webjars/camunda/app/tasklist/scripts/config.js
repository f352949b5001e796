// Tasklist presented as the inspection service (Camunda's supported webapp configuration file).
export default {
  // The header reads vendor, then name ("Camunda Tasklist"): the product once, then this app.
  app: {
    vendor: 'Joint inspections',
    name: 'Tasks'
  },
  // UK reading of dates: 05/01/2027 14:30 is the fifth of January. `long` is what the task list and the task show
  // when the pointer rests on a due date ("Due in 3 days").
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    abbr: 'DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY',
    long: 'dddd DD/MM/YYYY HH:mm'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  // Loaded from app/tasklist/ before the app starts: lists sorted by due date unless the user sorts otherwise.
  customScripts: ['scripts/due-date-sorting'],
  disableWelcomeMessage: true,
  assignProcessInstanceIdToTaskComment: true,
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
