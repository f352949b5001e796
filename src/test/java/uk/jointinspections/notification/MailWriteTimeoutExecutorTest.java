package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Every e-mail's write timeout is timed on the one shared thread, not on a thread Jakarta Mail starts per e-mail. */
class MailWriteTimeoutExecutorTest {

  @Test
  void writesOfEveryMailAreTimedOnTheSharedExecutor() throws Exception {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    // A real executor that also counts what it is given to time.
    java.util.concurrent.atomic.AtomicInteger timed = new java.util.concurrent.atomic.AtomicInteger();
    MailWriteTimeoutExecutor timeouts = new MailWriteTimeoutExecutor(new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
      @Override
      public <V> java.util.concurrent.ScheduledFuture<V> schedule(java.util.concurrent.Callable<V> callable, long delay,
          java.util.concurrent.TimeUnit unit) {
        timed.incrementAndGet();
        return super.schedule(callable, delay, unit);
      }

      @Override
      public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay,
          java.util.concurrent.TimeUnit unit) {
        timed.incrementAndGet();
        return super.schedule(command, delay, unit);
      }
    });
    try {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(server.getSmtp().getPort());
      sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
      timeouts.postProcessAfterInitialization(sender, "mailSender");
      for (int i = 1; i <= 3; i++) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("jtai@inspections.example");
        mail.setTo("cqc@inspections.example");
        mail.setSubject("Step " + i);
        mail.setText("Body " + i);
        sender.send(mail);
      }
      assertThat(server.getReceivedMessages()).hasSize(3);
      // Jakarta Mail times each write on the executor it is given, instead of starting one of its own per connection.
      assertThat(timed.get()).as("writes timed on the shared executor").isGreaterThanOrEqualTo(3);
      assertThat(sender.getSession().getProperties().get(MailWriteTimeoutExecutor.PROPERTY))
          .isSameAs(timeouts.executor());
    } finally {
      timeouts.destroy();
      server.stop();
    }
  }
}
