package dev.eddy.streaming.scheduler.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PIDRateEstimatorTest {
  private static final double EPS = 1e-9;

  @Test
  void firstBatchOnlyMeasuresThenProportionalAndIntegralTermsApply() {
    // Spark's defaults: proportional 1.0, integral 0.2, derived 0.0, minRate 100
    PIDRateEstimator pid = new PIDRateEstimator(1000, 1.0, 0.2, 0.0, 100);
    // 1000 records processed in 2000 ms: 500 records/s; first run, no estimate
    assertTrue(pid.compute(1000, 1000, 2000, 0).isEmpty());
    // rate 500, processed at 500/s: error 0; 1000 ms of scheduling delay at 500/s over a 1000 ms
    // interval is a backlog of 500/s; 500 - 1.0*0 - 0.2*500 = 400
    assertRate(400, pid.compute(2000, 1000, 2000, 1000));
    // 400 records in 500 ms: 800/s; error 400 - 800 = -400; no backlog; 400 + 400 = 800
    assertRate(800, pid.compute(3000, 400, 500, 0));
  }

  @Test
  void derivativeTermUsesTheErrorChangePerSecond() {
    PIDRateEstimator pid = new PIDRateEstimator(1000, 1.0, 0.0, 0.5, 10);
    assertTrue(pid.compute(1000, 100, 1000, 0).isEmpty()); // rate 100/s, error 0
    // two seconds later: 100 records in 500 ms = 200/s; error -100; dError = (-100 - 0) / 2 = -50
    // 100 - 1.0*(-100) - 0.5*(-50) = 225
    assertRate(225, pid.compute(3000, 100, 500, 0));
  }

  @Test
  void neverProposesLessThanMinRate() {
    PIDRateEstimator pid = new PIDRateEstimator(1000, 1.0, 0.2, 0.0, 100);
    pid.compute(1000, 1000, 1000, 0);
    // 10 records in 1000 ms: 10/s; error 1000 - 10 = 990; backlog 60000*10/1000 = 600;
    // 1000 - 990 - 120 < 100
    assertRate(100, pid.compute(2000, 10, 1000, 60_000));
  }

  @Test
  void ignoresEmptyInstantAndOutOfOrderBatches() {
    PIDRateEstimator pid = new PIDRateEstimator(1000, 1.0, 0.2, 0.0, 100);
    assertTrue(pid.compute(1000, 0, 1000, 0).isEmpty());
    assertTrue(pid.compute(1000, 10, 0, 0).isEmpty());
    pid.compute(2000, 1000, 1000, 0);
    assertTrue(pid.compute(2000, 1000, 1000, 0).isEmpty());
    assertTrue(pid.compute(1000, 1000, 1000, 0).isEmpty());
    assertRate(1000, pid.compute(3000, 1000, 1000, 0));
  }

  @Test
  void rejectsBadParametersNamingTheKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> new PIDRateEstimator(1000, -1, 0.2, 0, 100));
    assertTrue(e.getMessage().contains("pid.proportional"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PIDRateEstimator(1000, 1, 0.2, 0, 0));
    assertTrue(e.getMessage().contains("pid.minRate"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PIDRateEstimator(0, 1, 0.2, 0, 100));
  }

  private static void assertRate(double expected, OptionalDouble actual) {
    assertTrue(actual.isPresent(), "no estimate");
    assertEquals(expected, actual.getAsDouble(), EPS);
  }
}
