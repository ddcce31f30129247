package dev.sparkcputour.report;

import static dev.sparkcputour.report.SampleRuns.serial;
import static dev.sparkcputour.report.SampleRuns.spark;
import static dev.sparkcputour.report.SampleRuns.threads;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TimePartsTest {

    private static final double EPS = 1e-12;

    @Test
    void serialAndThreadRunsAreAllCompute() {
        TimeParts serial = TimeParts.of(serial("serial", 0.25), OptionalInt.of(2));
        assertEquals(new TimeParts(Family.SERIAL, 0.25, 0, 0, 0), serial);
        TimeParts threads = TimeParts.of(threads("threads", 0.125), OptionalInt.of(2));
        assertEquals(new TimeParts(Family.THREADS, 0.125, 0, 0, 0), threads);
    }

    @Test
    void sparkTaskSecondsAreDividedByTheSlotsAndTheRestIsWhatTheyLeave() {
        // ten tasks in one job on two slots: 1.2 task-seconds of run time fill 0.6 s of wall time
        TimeParts parts = TimeParts.of(spark("spark", 1.0, 10, 1, 0.2, 1.2, 0.1), OptionalInt.of(2));
        assertEquals(Family.SPARK, parts.family());
        assertEquals(0.6, parts.compute(), EPS);
        assertEquals(0.1, parts.deserialisation(), EPS);
        assertEquals(0.05, parts.resultSerialisation(), EPS);
        assertEquals(0.25, parts.rest(), EPS);
        assertEquals(1.0, parts.total(), EPS);
    }

    @Test
    void aJobWithFewerTasksThanSlotsFillsOnlyAsManySlots() {
        // two tasks per job on eight slots run two at a time, not eight
        TimeParts parts = TimeParts.of(spark("spark", 1.0, 4, 2, 0, 1.0, 0), OptionalInt.of(8));
        assertEquals(0.5, parts.compute(), EPS);
        assertEquals(0.5, parts.rest(), EPS);
    }

    @Test
    void onAClusterMasterTheTasksPerJobAreTheSlots() {
        TimeParts parts = TimeParts.of(spark("spark", 1.0, 20, 2, 0, 4.0, 0), OptionalInt.empty());
        assertEquals(0.4, parts.compute(), EPS);
    }

    @Test
    void taskPartsLongerThanTheMedianAreScaledToFitWithNothingLeft() {
        // 3 s of task time on one slot against a 1 s median: the metrics are means, the median is not
        TimeParts parts = TimeParts.of(spark("spark", 1.0, 1, 1, 1.0, 1.5, 0.5), OptionalInt.of(1));
        assertEquals(0.5, parts.compute(), EPS);
        assertEquals(1.0 / 3, parts.deserialisation(), EPS);
        assertEquals(1.0 / 6, parts.resultSerialisation(), EPS);
        assertEquals(0, parts.rest());
        assertEquals(1.0, parts.total(), EPS);
    }

    @Test
    void eachPartIsNamedInDrawingOrder() {
        TimeParts parts = new TimeParts(Family.SPARK, 1, 2, 3, 4);
        assertEquals(java.util.List.of(1.0, 2.0, 3.0, 4.0),
                java.util.Arrays.stream(TimeParts.Part.values()).map(parts::seconds).toList());
    }
}
