package org.hybridta.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class LocalDeviceLeaserTest {

    @Test
    void neverTwoHoldersOfOneDeviceAndEveryoneGetsATurn() throws Exception {
        DeviceLeaser leaser = Partitioners.localLeaser(2);
        AtomicIntegerArray holders = new AtomicIntegerArray(2);
        AtomicInteger overlaps = new AtomicInteger();
        ConcurrentHashMap<Integer, Integer> turns = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < 6; w++) {
            int worker = w;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        try (DeviceLease lease = leaser.acquire(Duration.ofSeconds(30))) {
                            if (holders.incrementAndGet(lease.device()) != 1) overlaps.incrementAndGet();
                            turns.merge(worker, 1, Integer::sum);
                            Thread.onSpinWait();
                            holders.decrementAndGet(lease.device());
                        }
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) t.join(60_000);
        assertThat(overlaps.get()).isZero();
        assertThat(turns).hasSize(6).allSatisfy((w, n) -> assertThat(n).isEqualTo(200));
    }

    @Test
    void timeoutFiresAndDoesNotBlockOthers() throws Exception {
        DeviceLeaser leaser = Partitioners.localLeaser(1);
        DeviceLease held = leaser.acquire(Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> leaser.acquire(Duration.ofMillis(200)))
                .isInstanceOf(LeaseTimeoutException.class).hasMessageContaining("no device of 1 became free within PT0.2S");
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(150_000_000L);
        held.close();
        held.close(); // twice is safe
        try (DeviceLease again = leaser.acquire(Duration.ofMillis(200))) {
            assertThat(again.device()).isZero();
        }
    }

    @Test
    void waitersAreServedInArrivalOrder() throws Exception {
        DeviceLeaser leaser = Partitioners.localLeaser(1);
        DeviceLease first = leaser.acquire(Duration.ofSeconds(1));
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                try (DeviceLease l = leaser.acquire(Duration.ofSeconds(10))) {
                    order.add(id);
                } catch (LeaseTimeoutException e) {
                    throw new RuntimeException(e);
                }
            });
            t.start();
            waiters.add(t);
            Thread.sleep(50); // let it queue before the next one arrives
        }
        first.close();
        for (Thread t : waiters) t.join(10_000);
        assertThat(order).containsExactly(0, 1, 2, 3);
    }
}
