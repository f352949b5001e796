package uk.jointinspections.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Working-day additions per second on one thread, for random reference dates 2012–2030 and N from 0 to
 * 100, after a warm-up. A measurement to read, not a test: run it with
 *
 * <pre>mvn -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=uk.jointinspections.calendar.WorkingDayBenchmark -Dexec.classpathScope=test</pre>
 */
public final class WorkingDayBenchmark {

  private static final long TARGET_PER_SECOND = 5_000_000;
  private static final int INPUTS = 1 << 16;
  private static final int ADDITIONS_PER_ROUND = 20_000_000;
  private static final int WARM_UP_ROUNDS = 5;
  private static final int MEASURED_ROUNDS = 7;

  private WorkingDayBenchmark() {
  }

  public static void main(String[] args) {
    WorkingDayCalendar calendar = new BankHolidaySources(new CalendarProperties(null)).load();
    Random random = new Random(2012_2030);
    long first = LocalDate.of(2012, 1, 1).toEpochDay();
    int span = (int) (LocalDate.of(2030, 12, 31).toEpochDay() - first + 1);
    LocalDate[] references = new LocalDate[INPUTS];
    int[] days = new int[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      references[i] = LocalDate.ofEpochDay(first + random.nextInt(span));
      days[i] = random.nextInt(101);
    }

    long checksum = 0;
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      checksum += run(calendar, references, days);
    }
    double[] perSecond = new double[MEASURED_ROUNDS];
    for (int round = 0; round < MEASURED_ROUNDS; round++) {
      long start = System.nanoTime();
      checksum += run(calendar, references, days);
      perSecond[round] = ADDITIONS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(perSecond);
    double median = perSecond[MEASURED_ROUNDS / 2];
    System.out.printf(Locale.UK, "Working-day additions (random dates 2012-2030, N 0..100, one thread): "
            + "median %,.0f/s, best %,.0f/s, worst %,.0f/s; target >= %,d/s: %s (checksum %d)%n",
        median, perSecond[MEASURED_ROUNDS - 1], perSecond[0], TARGET_PER_SECOND,
        median >= TARGET_PER_SECOND ? "met" : "NOT MET", checksum);
  }

  /** Sums the results so that the JIT cannot drop the additions. */
  private static long run(WorkingDayCalendar calendar, LocalDate[] references, int[] days) {
    long sum = 0;
    for (int i = 0; i < ADDITIONS_PER_ROUND; i++) {
      int input = i & (INPUTS - 1);
      sum += calendar.add(references[input], days[input]).toEpochDay();
    }
    return sum;
  }
}
