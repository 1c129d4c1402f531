package dev.kubepci.collect;

import dev.kubepci.model.Inventory;
import dev.kubepci.result.ProcessingError;
import java.util.List;

/**
 * Objects read from the user's input, with what could not be read.
 *
 * @param inputs how the input is named in reports
 */
public record CollectedInput(Inventory inventory, List<ProcessingError> errors, List<String> inputs) {
  public CollectedInput {
    errors = List.copyOf(errors);
    inputs = List.copyOf(inputs);
  }
}
