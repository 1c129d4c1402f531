package dev.kubepci.collect;

import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The second stage of reading a file: while the reader's thread parses the text into trees, one worker thread
 * turns each tree into an object (decoding, limits, compact encoding) and hands it to the sink. Tasks run one at a
 * time in the order they were posted, so the sink sees exactly the calls, in the order, that reading on one thread
 * gives; the queue is bounded, so that the parser runs at most a few hundred objects ahead.
 *
 * <p>A task that throws stops the worker: the tasks after it are dropped, as reading on one thread would never have
 * run them, and the reader's next call here throws what the task threw.
 */
final class EmitQueue {
  private static final int CAPACITY = 256;
  /** Room for the decoding of deeply nested objects, as the reader's own thread would have. */
  private static final long STACK_BYTES = 16L << 20;

  private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread worker;
  private volatile Throwable failure;

  private EmitQueue(String name) {
    worker = new Thread(null, this::work, "kubepci-read " + name, STACK_BYTES);
    worker.setDaemon(true);
  }

  static EmitQueue start(String name) {
    EmitQueue queue = new EmitQueue(name);
    queue.worker.start();
    return queue;
  }

  /** A marker that is always run, failure or not: the end of the queue, or a point the reader waits for. */
  private record Mark(CountDownLatch reached, boolean end) implements Runnable {
    @Override
    public void run() {
      reached.countDown();
    }
  }

  private void work() {
    try {
      while (true) {
        Runnable task = tasks.take();
        if (task instanceof Mark mark) {
          mark.run();
          if (mark.end()) {
            return;
          }
        } else if (failure == null) {
          try {
            task.run();
          } catch (RuntimeException | Error e) {
            failure = e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True on the worker's own thread (a sink that reads again runs its reading there, directly). */
  boolean isWorker() {
    return Thread.currentThread() == worker;
  }

  /** Runs {@code task} after the tasks posted before it. */
  void post(Runnable task) throws InterruptedIOException {
    rethrow();
    put(task);
  }

  /** Returns once every task posted so far has run. */
  void drain() throws InterruptedIOException {
    await(false);
    rethrow();
  }

  /** Runs the tasks still queued and stops the worker; throws what a task threw. */
  void finish() throws InterruptedIOException {
    await(true);
    rethrow();
  }

  /** Stops the worker after the tasks queued, without reporting their failure (the reader is failing already). */
  void finishQuietly() {
    try {
      await(true);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void await(boolean end) throws InterruptedIOException {
    Mark mark = new Mark(new CountDownLatch(1), end);
    put(mark);
    try {
      mark.reached().await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    }
  }

  private void put(Runnable task) throws InterruptedIOException {
    try {
      tasks.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    }
  }

  private void rethrow() {
    Throwable t = failure;
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }
}
