package uk.jointinspections.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * Who starts threads, from the JVM's own flight recorder ({@code jdk.ThreadStart} with the starting thread's stack):
 * each start is named by the new thread's name (digits folded to {@code N}) and the first frame outside the JDK that
 * led to it, so that a server's thread per connection or an executor made per call shows as one line with its count.
 * The JVM's count of threads started ({@code ThreadMXBean}) is given beside it as the check.
 */
final class ThreadStarts implements AutoCloseable {

  private record Start(Instant at, String key) {
  }

  private final RecordingStream stream = new RecordingStream();
  private final List<Start> starts = new ArrayList<>();

  ThreadStarts() {
    stream.enable("jdk.ThreadStart").withStackTrace();
    stream.onEvent("jdk.ThreadStart", this::record);
    stream.startAsync();
  }

  static long startedSoFar() {
    return ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
  }

  private void record(RecordedEvent e) {
    RecordedThread thread = e.getThread("thread");
    String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName().replaceAll("\\d+", "N");
    String by = "?";
    if (e.getStackTrace() != null) {
      for (RecordedFrame f : e.getStackTrace().getFrames()) {
        String type = f.getMethod().getType().getName();
        if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
          by = type + "." + f.getMethod().getName() + ":" + f.getLineNumber();
          break;
        }
      }
    }
    synchronized (starts) {
      starts.add(new Start(e.getStartTime(), name + "  ← " + by));
    }
  }

  /** The starts between two instants, most frequent first, with the starting frame. */
  Map<String, Long> between(Instant from, Instant to) {
    // The recorder delivers its events about a second late.
    long waitUntil = System.currentTimeMillis() + 3000;
    while (System.currentTimeMillis() < waitUntil && latest().isBefore(to)) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    Map<String, Long> counts = new HashMap<>();
    synchronized (starts) {
      for (Start s : starts) {
        if (!s.at().isBefore(from) && s.at().isBefore(to)) {
          counts.merge(s.key(), 1L, Long::sum);
        }
      }
    }
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private Instant latest() {
    synchronized (starts) {
      return starts.isEmpty() ? Instant.MIN : starts.get(starts.size() - 1).at();
    }
  }

  @Override
  public void close() {
    stream.close();
  }
}
