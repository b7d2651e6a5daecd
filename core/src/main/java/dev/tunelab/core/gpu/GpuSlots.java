package dev.tunelab.core.gpu;

import java.util.OptionalInt;

/**
 * The CUDA devices that training jobs share: a job takes one device for the whole of its run
 * ({@link #acquire}) and gives it back at its end ({@link #release}), so that no more GPU jobs run
 * at once than there are GPUs and no two share a device. Thread-safe; {@link #shared()} is the
 * one set of the process, so tuning jobs running side by side in one process share it too.
 */
public final class GpuSlots {

  private final boolean[] busy;

  /** @param gpus the devices, {@code cuda:0} to {@code cuda:<gpus-1>} (at least 0) */
  public GpuSlots(int gpus) {
    if (gpus < 0) {
      throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
    }
    this.busy = new boolean[gpus];
  }

  private static GpuSlots shared;

  /**
   * The slots of {@link GpuHost#shared()}'s GPUs, one set per process.
   *
   * @throws IllegalArgumentException as {@link GpuHost#detect}
   */
  public static synchronized GpuSlots shared() {
    if (shared == null) {
      shared = new GpuSlots(GpuHost.shared().gpus());
    }
    return shared;
  }

  /** The number of devices. */
  public int gpus() {
    return busy.length;
  }

  /**
   * Waits for a free device and takes it: the one asked for, else the lowest free one.
   *
   * @param ordinal the device asked for ({@code cuda:1}), or empty for any
   * @return the device's number
   * @throws IllegalArgumentException when there is no such device (or none at all)
   * @throws InterruptedException when interrupted while waiting
   */
  public synchronized int acquire(OptionalInt ordinal) throws InterruptedException {
    if (busy.length == 0 || (ordinal.isPresent() && ordinal.getAsInt() >= busy.length)) {
      throw new IllegalArgumentException("no CUDA device " + (ordinal.isPresent() ? ordinal.getAsInt() : "")
          + " among " + busy.length);
    }
    while (true) {
      if (ordinal.isPresent()) {
        if (!busy[ordinal.getAsInt()]) {
          busy[ordinal.getAsInt()] = true;
          return ordinal.getAsInt();
        }
      } else {
        for (int i = 0; i < busy.length; i++) {
          if (!busy[i]) {
            busy[i] = true;
            return i;
          }
        }
      }
      wait();
    }
  }

  /** Gives back a device {@link #acquire} returned. */
  public synchronized void release(int device) {
    if (device < 0 || device >= busy.length || !busy[device]) {
      throw new IllegalStateException("device " + device + " was not taken");
    }
    busy[device] = false;
    notifyAll();
  }

  /** Devices taken now. */
  public synchronized int inUse() {
    int n = 0;
    for (boolean b : busy) {
      if (b) {
        n++;
      }
    }
    return n;
  }
}
