package dev.sparkcputour.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ResultArraysTest {

    // shapes no other test uses, so arrays other tests hand back cannot be taken here
    private static final long ROWS = 7;
    private static final long COLS = 1013;

    @Test
    void aHandedBackArrayIsTheNextOneOfItsShape() {
        INDArray first = ResultArrays.uninitialized(ROWS, COLS);
        assertArrayEquals(new long[] {ROWS, COLS}, first.shape());
        assertEquals(DataType.DOUBLE, first.dataType());
        assertEquals('c', first.ordering());
        ResultArrays.recycle(first);
        assertSame(first, ResultArrays.uninitialized(ROWS, COLS));
        assertNotSame(first, ResultArrays.uninitialized(ROWS, COLS), "taken once only");
    }

    @Test
    void otherShapesAreNotServedFromIt() {
        INDArray a = ResultArrays.uninitialized(ROWS + 1, COLS);
        ResultArrays.recycle(a);
        INDArray b = ResultArrays.uninitialized(COLS, ROWS + 1);
        assertNotSame(a, b);
        assertArrayEquals(new long[] {COLS, ROWS + 1}, b.shape());
        assertSame(a, ResultArrays.uninitialized(ROWS + 1, COLS));
    }

    @Test
    void viewsAndOtherTypesAreNotKept() {
        INDArray whole = Nd4j.zeros(DataType.DOUBLE, ROWS + 2, COLS);
        INDArray view = whole.get(NDArrayIndex.interval(1, ROWS + 1), NDArrayIndex.all());
        assertTrue(view.isView());
        ResultArrays.recycle(view);
        assertNotSame(view, ResultArrays.uninitialized(ROWS, COLS));
        assertEquals(0.0, whole.sumNumber().doubleValue(), "the view's parent is untouched");
        INDArray floats = Nd4j.zeros(DataType.FLOAT, ROWS + 3, COLS);
        ResultArrays.recycle(floats);
        assertTrue(floats.wasClosed(), "a FLOAT array of a kept shape is freed");
        assertNotSame(floats, ResultArrays.uninitialized(ROWS + 3, COLS));
    }

    @Test
    void keepsNoMoreThanItsBound() {
        long cols = 1 << 20; // 8 MiB a row: 65 rows overflow the 512 MiB kept
        INDArray[] arrays = new INDArray[(int) (ResultArrays.KEPT_BYTES / (cols * Double.BYTES)) + 1];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = ResultArrays.uninitialized(1, cols);
        }
        for (INDArray array : arrays) {
            ResultArrays.recycle(array);
        }
        assertTrue(arrays[arrays.length - 1].wasClosed(), "the one over the bound is freed");
        assertFalse(arrays[0].wasClosed(), "the first is kept");
        for (int i = 0; i < arrays.length; i++) {
            ResultArrays.uninitialized(1, cols).close(); // not left kept for the rest of the tests
        }
    }
}
