// Every task list opens sorted by due date, soonest first (issue 11).
//
// The Tasklist sorts its list by the URL's `sorting` parameter alone, never by a filter's properties; when the
// parameter is missing, its sorting header writes "Created, descending" into the URL. The engine puts a filter's own
// ordering first (our shared filters are saved sorted by due date) and the Tasklist's after it, so the header said
// "Created" over a list in due-date order, and filters an inspector makes for herself were sorted by creation.
// This custom script (config.js `customScripts`, loaded before AngularJS starts the app) puts "Due date, ascending"
// into the URL whenever the task list is entered without a sorting: at sign-in, from a bookmark or a notification
// link, from the header's home link. A sorting the user chooses in the header is in the URL and is left alone.
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

window.angular.module('cam.tasklist').run(['$rootScope', '$location', function ($rootScope, $location) {
  function sortByDueDateUnlessChosen() {
    if ($location.path() === '/' && !$location.search().sorting) {
      // Replacing the entry keeps the browser's Back button from returning to the unsorted address.
      $location.search('sorting', DUE_DATE_FIRST).replace();
    }
  }

  sortByDueDateUnlessChosen();
  // Changing $location while the change starts makes AngularJS navigate to the sorted address instead.
  $rootScope.$on('$locationChangeStart', sortByDueDateUnlessChosen);
}]);
