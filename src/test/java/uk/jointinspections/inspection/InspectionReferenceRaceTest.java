package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.jointinspections.EngineTest;

/**
 * Two nodes asked at the same moment to start an inspection with one reference: the history query cannot see the
 * other's uncommitted start, so the reference row's primary key decides. Runs on H2 and, in `mvn verify`, on
 * PostgreSQL, where the two transactions really overlap.
 */
@EngineTest
class InspectionReferenceRaceTest {

  @Autowired InspectionReferences references;
  @Autowired InspectionFrameworks frameworks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void theSecondClaimWaitsForTheFirstAndLosesWhenItCommits() throws Exception {
    String reference = "JTAI-RACE-" + System.nanoTime();
    CountDownLatch firstHolds = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    TransactionTemplate tx = new TransactionTemplate(transactions);

    Future<Boolean> first = threads.submit(() -> tx.execute(status -> {
      boolean claimed = references.claim(reference, "instance-1", Instant.now(), id -> true);
      firstHolds.countDown();
      await(releaseFirst);
      return claimed;
    }));
    assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
    Future<Boolean> second = threads.submit(() -> tx.execute(status ->
        references.claim(reference, "instance-2", Instant.now(), id -> true)));
    Thread.sleep(300);
    releaseFirst.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.get(30, TimeUnit.SECONDS)).as("the reference is the first instance's").isFalse();
    assertThat(holder(reference)).isEqualTo("instance-1");
  }

  @Test
  void aClaimThatRollsBackLeavesTheReferenceFree() {
    String reference = "JTAI-ROLLBACK-" + System.nanoTime();
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(status -> {
      assertThat(references.claim(reference, "instance-1", Instant.now(), id -> true)).isTrue();
      status.setRollbackOnly();
    });

    assertThat(claimAlone(reference, "instance-2", id -> true)).isTrue();
    assertThat(holder(reference)).isEqualTo("instance-2");
  }

  @Test
  void aReferenceWhoseInspectionIsGoneIsTakenOverOnce() {
    String reference = "JTAI-GONE-" + System.nanoTime();
    claimAlone(reference, "deleted-instance", id -> true);

    assertThat(claimAlone(reference, "instance-2", id -> false)).as("the deleted inspection's reference is free").isTrue();
    assertThat(claimAlone(reference, "instance-3", "instance-2"::equals)).isFalse();
    assertThat(holder(reference)).isEqualTo("instance-2");
  }

  @Test
  void twoStartsWithOneReferenceMakeOneInspection() throws Exception {
    String reference = "JTAI-TWICE-" + System.nanoTime();
    InspectionFramework framework = frameworks.named("jtai-2017");
    InspectionFramework.Start start = framework.validate(new InspectionStartRequest("jtai-2017", reference,
        "Northshire", "neglect", null, "2027-03-15", "ofsted-lead", "qa-manager"));
    CountDownLatch go = new CountDownLatch(1);

    List<Future<String>> attempts = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      attempts.add(threads.submit(() -> {
        await(go);
        try {
          return runtime.startProcessInstanceByKey(framework.processKey(), reference, start.variables()).getId();
        } catch (ReferenceTakenException taken) {
          return "refused: " + taken.getMessage();
        }
      }));
    }
    go.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> attempt : attempts) {
      outcomes.add(attempt.get(60, TimeUnit.SECONDS));
    }

    // "already exists" once the first has committed; on H2 "being started … at this moment" if it waited too long
    assertThat(outcomes).filteredOn(o -> o.startsWith("refused: ")).singleElement().asString()
        .containsPattern("'" + reference + "' (already exists|is being started)");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    assertThat(holder(reference)).isIn(outcomes);
  }

  private boolean claimAlone(String reference, String instanceId, Predicate<String> exists) {
    return Boolean.TRUE.equals(new TransactionTemplate(transactions).execute(status ->
        references.claim(reference, instanceId, Instant.now(), exists)));
  }

  private String holder(String reference) {
    return jdbc.queryForObject("SELECT PROC_INST_ID_ FROM " + InspectionReferences.TABLE + " WHERE REFERENCE_ = ?",
        String.class, reference);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
