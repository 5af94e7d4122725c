package org.hybridta.parallel;

import java.util.List;
import java.util.function.Consumer;
import org.hybridta.source.Constituent;

/** Runs every part in this process, on {@code workers} threads besides the caller's, which takes the results. */
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

    @Override public void runParts(List<List<Constituent>> plan, PartWork work, Consumer<PartResult> atRoot) {
        Plans.check(plan);
        int n = plan.size();
        int threads = Math.min(workers, n);
        Handoff handoff = new Handoff(n, threads);
        Thread[] pool = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            int first = w;
            pool[w] = new Thread(() -> {
                for (int p = first; p < n; p += threads) {
                    if (p + threads < n) work.prepare(p + threads, plan.get(p + threads));
                    try {
                        PartResult r = work.run(p, plan.get(p));
                        if (r == null) throw new IllegalStateException("the work of part " + p + " returned no result");
                        handoff.put(p, r);
                    } catch (InterruptedException e) {
                        return;   // the root gave up
                    } catch (RuntimeException | Error e) {
                        handoff.fail(e);
                        return;
                    }
                }
            }, "hybridta-worker-" + w);
            pool[w].setDaemon(true);
            pool[w].start();
        }
        Throwable failure = null;
        try {
            for (int p = 0; p < n; p++) {
                PartResult r = handoff.take(p);
                if (failure != null) continue;   // drained, not handed on
                try {
                    atRoot.accept(r);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the parts", e);
        } finally {
            for (Thread t : pool) t.interrupt();
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error err) throw err;
    }

    @Override public String broadcast(String rootOutcome) { return rootOutcome; }

    @Override public DeviceLeaser leaser(int deviceCount) { return new LocalDeviceLeaser(deviceCount); }

    /** Results on their way from the workers to the root, in plan order; a worker waits while its previous one is untaken. */
    private static final class Handoff {
        private final PartResult[] results;
        private final int stride;
        private int taken;
        private Throwable failure;

        Handoff(int parts, int stride) {
            this.results = new PartResult[parts];
            this.stride = stride;
        }

        synchronized void put(int part, PartResult result) throws InterruptedException {
            while (taken <= part - stride && failure == null) wait();
            results[part] = result;
            notifyAll();
        }

        synchronized void fail(Throwable t) {
            if (failure == null) failure = t;
            notifyAll();
        }

        synchronized PartResult take(int part) throws InterruptedException {
            while (results[part] == null) {
                if (failure instanceof RuntimeException re) throw re;
                if (failure instanceof Error err) throw err;
                wait();
            }
            PartResult r = results[part];
            results[part] = null;
            taken = part + 1;
            notifyAll();
            return r;
        }
    }
}
