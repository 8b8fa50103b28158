package th.planflow.calendar;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers the calendar's lookups for the rest of the current transaction: a round's batch creates a
 * hundred school tasks in one transaction, each asking twice for the same step's override. Nothing outlives the transaction, so a change made elsewhere is seen by the next one;
 * {@link #forget()} is for a change made in the same transaction.
 */
final class TransactionMemo {

  private static final Object KEY = new Object();

  private TransactionMemo() {
  }

  @SuppressWarnings("unchecked")
  static <T> T get(String key, Supplier<T> lookup) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return lookup.get();
    }
    Map<String, Object> memo = (Map<String, Object>) TransactionSynchronizationManager.getResource(KEY);
    if (memo == null) {
      memo = new HashMap<>();
      TransactionSynchronizationManager.bindResource(KEY, memo);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
    }
    if (memo.containsKey(key)) {
      return (T) memo.get(key);
    }
    T value = lookup.get();
    memo.put(key, value);
    return value;
  }

  static void forget() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      Object memo = TransactionSynchronizationManager.getResource(KEY);
      if (memo != null) {
        ((Map<?, ?>) memo).clear();
      }
    }
  }
}
