"""How the golden files in this directory were made; the tests never run it.

Run from anywhere with NumPy and SciPy installed:  python3 make_golden.py
It rewrites npy/, convolution/ and tutorial_small/ next to this script.

npy/  (read by NpyFormatTest, which hardcodes these values)
  f8.npy            float64 3x4, np.arange(12).reshape(3, 4) / 7
  f4.npy            the same values as float32
  i4.npy            int32 2x3, [[-3, 0, 7], [2147483647, -2147483648, 1]]
  u1.npy            uint8 2x2, [[0, 255], [128, 1]]
  f8_big_endian.npy '>f8' 3x4, the values of f8.npy
  f8_fortran.npy    float64 3x4 in Fortran order, np.arange(12).reshape(3, 4) * 1.5
  c16.npy           complex128 [1+2j, 3-4j]          (must be rejected)
  bool.npy          bool [True, False, True]         (must be rejected)
  object.npy        object [1, 2, 3], pickled        (must be rejected)

convolution/  (the SciPy reference for the convolution workload)
  rng = np.random.default_rng(7), drawn in this order:
  image.npy       rng.random((37, 53))
  filters.npy     rng.standard_normal((3, 4, 4))
  filters_3x5.npy rng.standard_normal((2, 3, 5))
  expected_stride<s>.npy = np.stack([convolve2d(image, f)[::s, ::s] for f in filters]), s = 5 and 1
  expected_3x5_stride5.npy the same for filters_3x5 and s = 5

tutorial_small/  (a CLI run at tutorial shape, small)
  rng = np.random.default_rng(11): image.npy rng.random((64, 48)),
  filters.npy rng.standard_normal((10, 4, 4)), expected.npy at stride 5
"""
import os

import numpy as np
from scipy.signal import convolve2d

HERE = os.path.dirname(os.path.abspath(__file__))


def save(subdir, name, array, **kwargs):
    os.makedirs(os.path.join(HERE, subdir), exist_ok=True)
    np.save(os.path.join(HERE, subdir, name), array, **kwargs)


def reference(image, filters, stride):
    """The full 2-D convolution of each filter, sampled every stride-th row and column."""
    return np.stack([convolve2d(image, f)[::stride, ::stride] for f in filters])


def npy_samples():
    f8 = np.arange(12).reshape(3, 4) / 7
    save("npy", "f8.npy", f8)
    save("npy", "f4.npy", f8.astype(np.float32))
    save("npy", "i4.npy", np.array([[-3, 0, 7], [2147483647, -2147483648, 1]], dtype=np.int32))
    save("npy", "u1.npy", np.array([[0, 255], [128, 1]], dtype=np.uint8))
    save("npy", "f8_big_endian.npy", f8.astype(">f8"))
    save("npy", "f8_fortran.npy", np.asfortranarray(np.arange(12).reshape(3, 4) * 1.5))
    save("npy", "c16.npy", np.array([1 + 2j, 3 - 4j], dtype=np.complex128))
    save("npy", "bool.npy", np.array([True, False, True]))
    save("npy", "object.npy", np.array([1, 2, 3], dtype=object), allow_pickle=True)


def convolution():
    rng = np.random.default_rng(7)
    image = rng.random((37, 53))
    filters = rng.standard_normal((3, 4, 4))
    filters_3x5 = rng.standard_normal((2, 3, 5))
    save("convolution", "image.npy", image)
    save("convolution", "filters.npy", filters)
    save("convolution", "filters_3x5.npy", filters_3x5)
    save("convolution", "expected_stride5.npy", reference(image, filters, 5))
    save("convolution", "expected_stride1.npy", reference(image, filters, 1))
    save("convolution", "expected_3x5_stride5.npy", reference(image, filters_3x5, 5))


def tutorial_small():
    rng = np.random.default_rng(11)
    image = rng.random((64, 48))
    filters = rng.standard_normal((10, 4, 4))
    save("tutorial_small", "image.npy", image)
    save("tutorial_small", "filters.npy", filters)
    save("tutorial_small", "expected.npy", reference(image, filters, 5))


if __name__ == "__main__":
    npy_samples()
    convolution()
    tutorial_small()
