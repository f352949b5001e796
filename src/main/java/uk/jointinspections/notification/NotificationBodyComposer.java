package uk.jointinspections.notification;

import java.util.Map;

/**
 * Writes an e-mail's body when it is sent, from a confidential source the notification only points at. Operators read
 * every notification instance in Cockpit (to retry mail that failed); a body stored as a variable would show them what
 * only the framework's named people may read, such as a concern about a child. The bean name is what a notification
 * records in {@link NotificationProcess#VAR_BODY_COMPOSER}.
 */
public interface NotificationBodyComposer {

  /**
   * @param source what the notification points at, e.g. a concern's process instance id
   * @param notification the notification's own variables (recipient, purpose and whatever the requester recorded)
   */
  String compose(String source, Map<String, Object> notification);

  /**
   * The address the e-mail goes to, when it is sent: the one the notification recorded, unless the address is itself
   * confidential (a concern's senior officer), in which case the notification records none and the composer reads it
   * from the same source as the body.
   */
  default String recipient(String source, Map<String, Object> notification) {
    return (String) notification.get(NotificationProcess.VAR_RECIPIENT);
  }
}
