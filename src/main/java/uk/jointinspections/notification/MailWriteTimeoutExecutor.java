package uk.jointinspections.notification;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One timer thread for every e-mail's write timeout ({@code mail.smtp.writetimeout} in application.yaml). Without an
 * executor of its own, Jakarta Mail starts a new thread for each SMTP connection to time its writes: one thread per
 * e-mail, about 11,000 in a national year (issue 19, the benchmark's thread sources). The timeout is kept.
 */
@Component
public class MailWriteTimeoutExecutor implements BeanPostProcessor, DisposableBean {

  /** Jakarta Mail's property for the executor that times {@code mail.smtp.writetimeout}. */
  static final String PROPERTY = "mail.smtp.executor.writetimeout";

  private final ScheduledThreadPoolExecutor executor;

  public MailWriteTimeoutExecutor() {
    this(new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "mail-write-timeout");
      thread.setDaemon(true);
      return thread;
    }));
  }

  MailWriteTimeoutExecutor(ScheduledThreadPoolExecutor executor) {
    this.executor = executor;
    // A write that finishes in time cancels its timeout; without this the cancelled ones wait out their 10 seconds.
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof JavaMailSenderImpl sender) {
      sender.getJavaMailProperties().put(PROPERTY, executor);
    }
    return bean;
  }

  ScheduledExecutorService executor() {
    return executor;
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
