package dev.sparkcputour.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void aLocalMasterSaysItsSlotsAndAClusterMasterDoesNot() {
        assertEquals(OptionalInt.of(1), Machine.localSlots("local", 8));
        assertEquals(OptionalInt.of(3), Machine.localSlots("local[3]", 8));
        assertEquals(OptionalInt.of(8), Machine.localSlots("local[*]", 8), "the recorded cores, not this machine's");
        assertEquals(OptionalInt.of(2), Machine.localSlots("local[2,4]", 8));
        assertEquals(OptionalInt.empty(), Machine.localSlots("spark://127.0.0.1:7077", 8));
        assertEquals(OptionalInt.empty(), Machine.localSlots("yarn", 8));
        assertEquals(OptionalInt.empty(), Machine.localSlots("k8s://https://127.0.0.1:6443", 8));
    }
}
