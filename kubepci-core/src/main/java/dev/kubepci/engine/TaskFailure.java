package dev.kubepci.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** What a task that ran on another thread threw, thrown again on the thread that waited for it. */
public final class TaskFailure {
  private TaskFailure() {}

  /**
   * The task's own exception: an {@link Error} is thrown as it is, a {@link RuntimeException} is returned for the
   * caller to throw, and a checked one comes wrapped in an {@link IllegalStateException}.
   */
  public static RuntimeException unwrap(ExecutionException e) {
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    if (e.getCause() instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException(e.getCause());
  }

  /**
   * Waits for {@code task} and gives its result, or throws what it threw (see {@link #unwrap}); an interrupt is kept
   * and ends the wait with an {@link IllegalStateException} saying what was being waited for ({@code during}).
   */
  public static <T> T await(Future<T> task, String during) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + during, e);
    }
  }
}
