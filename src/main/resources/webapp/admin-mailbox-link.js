// The Admin dashboard's "Mailbox" section (admin/scripts/config.js `customScripts`, served by
// web.AdminMailboxLinkController only while the H2 demo runs its own mail server). Admin is the administrators' app,
// and the Mailbox is theirs alone: its e-mails name inspections and, for a Category 1 concern, a child's case. The page
// is part of /api, so the browser asks for the user and password once more (HTTP basic, like every /api call).
export default {
  id: 'inspection-mailbox',
  pluginPoint: 'admin.dashboard.section',
  priority: -10,
  properties: {
    label: 'Mailbox'
  },
  render: function (node) {
    node.innerHTML = '<section class="inspection-mailbox">'
      + '<p>This demo sends its notification e-mails to its own mail server, which keeps them until the application'
      + ' stops: task offers and assignments, Annex B notifications, Category 1 concerns.</p>'
      + '<p><a class="inspection-mailbox-link" href="/api/mailbox.html" target="_blank" rel="noopener">'
      + 'Open the mailbox</a> (sign in again as an administrator)</p>'
      + '</section>';
  }
};
