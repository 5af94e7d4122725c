package org.hybridta.mpi;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.hybridta.mpi.internal.SharedLongs;
import org.hybridta.parallel.DeviceLease;
import org.hybridta.parallel.DeviceLeaser;
import org.hybridta.parallel.LeaseTimeoutException;

/**
 * Run under {@code mpirun -np N} (all ranks on one host) by {@link MpiDeviceLeaserTest}; args: devices, cycles.
 *
 * <ol>
 *   <li>stress: every rank takes and gives back a lease {@code cycles} times, holding it a few hundred µs. A
 *       second, independent shared window counts holders per device: a holder that finds another counts an
 *       overlap. A global grant counter tells how many grants went to others while a rank waited.</li>
 *   <li>timeout: rank 0 holds every device, rank 1 asks with a 300 ms timeout, then asks again after the release.</li>
 *   <li>own devices: a second leaser with as many devices as ranks: each rank gets its own device at once,
 *       and a second thread of the rank times out while the first holds it.</li>
 * </ol>
 * Reports lines starting with {@code @@}.
 */
public final class LeaseScenarios {
    private LeaseScenarios() {}

    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        int cycles = Integer.parseInt(args[1]);
        try (MpiPartitioner mpi = MpiPartitioner.open()) {
            MpiRuntime runtime = mpi.runtime();
            int rank = runtime.localRank();
            int ranks = runtime.localSize();

            // 1. stress
            DeviceLeaser leaser = mpi.leaser(devices);
            SharedLongs check = runtime.transport().sharedLongs(devices + 1);   // holders per device, then the grant counter
            int grantCounter = devices;
            SplittableRandom random = new SplittableRandom(rank);
            int overlaps = 0;
            long maxOthersServed = 0;
            long maxWaitNanos = 0;
            int[] perDevice = new int[devices];
            runtime.barrier();
            for (int i = 0; i < cycles; i++) {
                long requestedAt = check.get(grantCounter);
                long t0 = System.nanoTime();
                try (DeviceLease lease = leaser.acquire(Duration.ofSeconds(60))) {
                    maxWaitNanos = Math.max(maxWaitNanos, System.nanoTime() - t0);
                    long grant = check.getAndAdd(grantCounter, 1);
                    if (i > 0) maxOthersServed = Math.max(maxOthersServed, grant - requestedAt);   // the first: cold code
                    int d = lease.device();
                    perDevice[d]++;
                    if (check.getAndAdd(d, 1) != 0) overlaps++;
                    // "computing": long against the scheduler's time slices, so that a rank descheduled for a while
                    // after its grant (2 cores, 5 ranks) does not see many other grants counted against it
                    LockSupport.parkNanos(2_000_000 + random.nextInt(3_000_000));
                    if (check.getAndAdd(d, -1) != 1) overlaps++;
                }
                LockSupport.parkNanos(random.nextInt(300_000));
            }
            System.out.println("@@ stress rank=" + rank + " ranks=" + ranks + " devices=" + devices + " shared=" + ((MpiDeviceLeaser) leaser).shared()
                    + " cycles=" + cycles + " overlaps=" + overlaps + " maxOthersServed=" + maxOthersServed
                    + " maxWaitMs=" + maxWaitNanos / 1_000_000 + " perDevice=" + join(perDevice));
            runtime.barrier();

            // 2. timeout
            DeviceLease[] all = new DeviceLease[devices];
            if (rank == 0) for (int d = 0; d < devices; d++) all[d] = leaser.acquire(Duration.ofSeconds(30));
            runtime.barrier();
            if (rank == 1) {
                long t0 = System.nanoTime();
                try (DeviceLease unexpected = leaser.acquire(Duration.ofMillis(300))) {
                    System.out.println("@@ timeout rank=1 result=granted device=" + unexpected.device());
                } catch (LeaseTimeoutException e) {
                    System.out.println("@@ timeout rank=1 result=timed-out elapsedMs=" + (System.nanoTime() - t0) / 1_000_000
                            + " message=" + e.getMessage());
                }
            }
            runtime.barrier();
            if (rank == 0) for (DeviceLease l : all) l.close();
            runtime.barrier();
            if (rank == 1) {
                try (DeviceLease again = leaser.acquire(Duration.ofSeconds(10))) {
                    System.out.println("@@ after-timeout rank=1 device=" + again.device());
                }
            }
            runtime.barrier();
            // every device is free again: one rank can hold them all at once
            if (rank == ranks - 1) {
                int[] got = new int[devices];
                for (int d = 0; d < devices; d++) all[d] = leaser.acquire(Duration.ofSeconds(10));
                for (int d = 0; d < devices; d++) got[d] = all[d].device();
                for (DeviceLease l : all) l.close();
                Arrays.sort(got);
                System.out.println("@@ all-free rank=" + rank + " devices=" + join(got));
            }
            check.free();
            leaser.close();

            // 3. own devices
            DeviceLeaser own = mpi.leaser(ranks);
            try (DeviceLease mine = own.acquire(Duration.ofSeconds(5))) {
                String second = CompletableFuture.supplyAsync(() -> {
                    try (DeviceLease l = own.acquire(Duration.ofMillis(100))) {
                        return "granted device " + l.device();
                    } catch (LeaseTimeoutException e) {
                        return "timed-out";
                    }
                }).get();
                System.out.println("@@ own rank=" + rank + " shared=" + ((MpiDeviceLeaser) own).shared() + " device=" + mine.device()
                        + " secondThread=" + second);
            }
            try (DeviceLease later = own.acquire(Duration.ofSeconds(5))) {
                System.out.println("@@ own-again rank=" + rank + " device=" + later.device());
            }
        }
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
    }
}
