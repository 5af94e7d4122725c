package org.hybridta.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hybridta.source.Constituent;

/** Runs every part in this process, each on its own thread. */
final class LocalPartitioner implements Partitioner {
    private final int workers;

    LocalPartitioner(int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        this.workers = workers;
    }

    @Override public String name() {
        return workers == 1 ? "local" : "local (" + workers + " workers)";
    }

    @Override public int workers() { return workers; }

    @Override public boolean isRoot() { return true; }

    @Override public List<PartResult> runParts(List<List<Constituent>> plan, PartWork work) {
        if (plan.size() == 1) return List.of(work.run(0, plan.get(0)));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, plan.size()), r -> {
            Thread t = new Thread(r, "hybridta-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PartResult>> futures = new ArrayList<>(plan.size());
            for (int p = 0; p < plan.size(); p++) {
                int part = p;
                futures.add(pool.submit(() -> work.run(part, plan.get(part))));
            }
            List<PartResult> results = new ArrayList<>(plan.size());
            for (Future<PartResult> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the parts", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override public String broadcast(String rootOutcome) { return rootOutcome; }

    @Override public DeviceLeaser leaser(int deviceCount) { return new LocalDeviceLeaser(deviceCount); }
}
