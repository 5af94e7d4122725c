package org.hybridta.mpi.internal;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import mpi.Comm;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Op;
import mpi.Request;
import mpi.Status;
import mpi.Win;
import org.hybridta.mpi.MpiException;

/**
 * {@link Transport} over Open MPI's Java bindings: the only class of HybridTA that touches {@code mpi.*}.
 * Loaded, with the bindings, by hybridta-mpi's own class loader, which tells the bindings where
 * {@code libmpi_java.so} is (see the package description). Internal, not API.
 */
public final class OpenMpiTransport implements Transport {
    /**
     * Pieces of a message (64 MiB): bounded native memory per transfer, well below MPI's {@code int} count
     * limit. Tests make it small ({@code -Dhybridta.mpi.chunk-bytes}) to send many pieces.
     */
    private static final int CHUNK = Math.max(1, Integer.getInteger("hybridta.mpi.chunk-bytes", 64 << 20));

    private final Intracomm world;
    private final Intracomm node;
    private final int rank;
    private final int size;
    private final String host;
    private final String threadLevel;
    private final AtomicBoolean finished = new AtomicBoolean();
    /** The (empty) buffers of heartbeats: zero-byte messages read and write nothing, but MPI wants a buffer. */
    private final ByteBuffer signalOut = MPI.newByteBuffer(1), signalIn = MPI.newByteBuffer(1);

    private OpenMpiTransport(Intracomm world, Intracomm node, int rank, int size, String host, String threadLevel) {
        this.world = world;
        this.node = node;
        this.rank = rank;
        this.size = size;
        this.host = host;
        this.threadLevel = threadLevel;
    }

    /**
     * Initializes MPI at {@code MPI_THREAD_MULTIPLE} and splits the node communicator. Called reflectively by
     * {@code org.hybridta.mpi.MpiRuntime}, through the class loader that holds the bindings.
     *
     * <p>Why {@code MPI_THREAD_MULTIPLE}: a pipeline acquires and releases device leases (window operations)
     * on its compute threads while other threads of the rank may be inside MPI, and a rank may hold several
     * leases from several threads at once. A lower level would need one global lock around every MPI call,
     * which deadlocks when a thread blocked in a collective holds it. Open MPI ≥ 3.0 provides it by default.
     */
    public static Transport start() {
        int provided;
        try {
            provided = MPI.InitThread(new String[0], MPI.THREAD_MULTIPLE);
        } catch (MPIException e) {
            throw new MpiException("MPI_Init_thread failed: " + e.getMessage(), e);
        }
        Intracomm world = MPI.COMM_WORLD;
        int rank = -1;
        try {
            // Errors become MPIExceptions (wrapped below) instead of aborting the job without a word of why.
            world.setErrhandler(MPI.ERRORS_RETURN);
            rank = world.getRank();
            int size = world.getSize();
            if (provided < MPI.THREAD_MULTIPLE) {
                throw new MpiException("rank " + rank + ": MPI_Init_thread provided " + levelName(provided)
                        + ", HybridTA needs MPI_THREAD_MULTIPLE (device leases are taken on compute threads);"
                        + " use an Open MPI built with thread support (the default since Open MPI 3.0)");
            }
            Intracomm node = world.splitType(Comm.TYPE_SHARED, rank, MPI.INFO_NULL);
            node.setErrhandler(MPI.ERRORS_RETURN);
            return new OpenMpiTransport(world, node, rank, size, MPI.getProcessorName(), levelName(provided));
        } catch (MPIException e) {
            throw new MpiException("rank " + rank + ": setting up MPI (error handler, node split) failed: " + e.getMessage(), e);
        }
    }

    private static String levelName(int level) {
        if (level == MPI.THREAD_MULTIPLE) return "MPI_THREAD_MULTIPLE";
        if (level == MPI.THREAD_SERIALIZED) return "MPI_THREAD_SERIALIZED";
        if (level == MPI.THREAD_FUNNELED) return "MPI_THREAD_FUNNELED";
        if (level == MPI.THREAD_SINGLE) return "MPI_THREAD_SINGLE";
        return "thread level " + level;
    }

    private MpiException failed(String operation, MPIException e) {
        return new MpiException("rank " + rank + " of " + size + " on " + host + ": " + operation + " failed: "
                + e.getMessage() + " (MPI error class " + e.getErrorClass() + ")", e);
    }

    private Intracomm comm(Scope scope) {
        return scope == Scope.WORLD ? world : node;
    }

    @Override public int rank(Scope scope) {
        if (scope == Scope.WORLD) return rank;
        try {
            return node.getRank();
        } catch (MPIException e) {
            throw failed("MPI_Comm_rank (node)", e);
        }
    }

    @Override public int size(Scope scope) {
        if (scope == Scope.WORLD) return size;
        try {
            return node.getSize();
        } catch (MPIException e) {
            throw failed("MPI_Comm_size (node)", e);
        }
    }

    @Override public String host() {
        return host;
    }

    @Override public String library() {
        String v = MPI.getLibVersion();
        return v == null ? "unknown MPI library" : v.strip();
    }

    @Override public String threadLevel() {
        return threadLevel;
    }

    @Override public void barrier(Scope scope) {
        try {
            comm(scope).barrier();
        } catch (MPIException e) {
            throw failed("MPI_Barrier (" + scope.name().toLowerCase() + ")", e);
        }
    }

    @Override public boolean barrier(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Request request = world.iBarrier();
            while (!request.test()) {
                if (System.nanoTime() - deadline > 0) return false;
                Thread.sleep(1);
            }
            return true;
        } catch (MPIException e) {
            throw failed("MPI_Ibarrier", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override public long[] allReduce(Scope scope, long[] values, Reduction reduction) {
        long[] buf = values.clone();
        Op op = switch (reduction) {
            case SUM -> MPI.SUM;
            case MIN -> MPI.MIN;
            case MAX -> MPI.MAX;
        };
        try {
            comm(scope).allReduce(buf, buf.length, MPI.LONG, op);
            return buf;
        } catch (MPIException e) {
            throw failed("MPI_Allreduce " + reduction + " (" + scope.name().toLowerCase() + ")", e);
        }
    }

    @Override public byte[] broadcast(byte[] data, int root) {
        String op = "MPI_Bcast from rank " + root;
        try {
            LongBuffer length = MPI.newLongBuffer(1);
            if (rank == root) length.put(0, data.length);
            world.bcast(length, 1, MPI.LONG, root);
            byte[] out = rank == root ? data : new byte[checkedLength(length.get(0), op)];
            ByteBuffer chunk = MPI.newByteBuffer((int) Math.min(Math.max(out.length, 1), CHUNK));
            for (int from = 0; from < out.length; from += CHUNK) {
                int n = Math.min(CHUNK, out.length - from);
                chunk.clear();
                if (rank == root) chunk.put(out, from, n).clear();
                world.bcast(chunk, n, MPI.BYTE, root);
                if (rank != root) chunk.get(out, from, n);
            }
            return out;
        } catch (MPIException e) {
            throw failed(op, e);
        }
    }

    @Override public void send(byte[] data, int dest, int tag) {
        String op = "MPI_Send of " + data.length + " bytes to rank " + dest;
        try {
            LongBuffer length = MPI.newLongBuffer(1);
            length.put(0, data.length);
            world.send(length, 1, MPI.LONG, dest, tag);
            ByteBuffer chunk = MPI.newByteBuffer((int) Math.min(Math.max(data.length, 1), CHUNK));
            for (int from = 0; from < data.length; from += CHUNK) {
                int n = Math.min(CHUNK, data.length - from);
                chunk.clear();
                chunk.put(data, from, n);
                world.send(chunk, n, MPI.BYTE, dest, tag);
            }
        } catch (MPIException e) {
            throw failed(op, e);
        }
    }

    @Override public byte[] receive(int source, int tag) {
        String op = "MPI_Recv from rank " + source;
        try {
            LongBuffer length = MPI.newLongBuffer(1);
            world.recv(length, 1, MPI.LONG, source, tag);
            byte[] out = new byte[checkedLength(length.get(0), op)];
            ByteBuffer chunk = MPI.newByteBuffer((int) Math.min(Math.max(out.length, 1), CHUNK));
            for (int from = 0; from < out.length; from += CHUNK) {
                int n = Math.min(CHUNK, out.length - from);
                chunk.clear();
                world.recv(chunk, n, MPI.BYTE, source, tag);
                chunk.get(out, from, n);
            }
            return out;
        } catch (MPIException e) {
            throw failed(op, e);
        }
    }

    @Override public int probeAny(int tag) {
        try {
            Poll poll = new Poll();
            for (Status s = world.iProbe(MPI.ANY_SOURCE, tag); ; s = world.iProbe(MPI.ANY_SOURCE, tag)) {
                if (s != null) return s.getSource();
                poll.pause();
            }
        } catch (MPIException e) {
            throw failed("MPI_Iprobe (any source)", e);
        }
    }

    @Override public Pending sendAsync(ByteBuffer buffer, int length, int dest, int tag) {
        String op = "MPI_Isend of " + length + " bytes to rank " + dest;
        try {
            return new Sending(world.iSend(buffer, length, MPI.BYTE, dest, tag), length, op);
        } catch (MPIException e) {
            throw failed(op, e);
        }
    }

    /**
     * A request under way ({@code MPI_Isend}, {@code MPI_Irecv}): tested without blocking, awaited by polling with short
     * sleeps. Its buffer stays untouched until it is complete.
     */
    private abstract class Polled implements Pending {
        private final Request request;
        private final String op;
        private int moved = -1;

        Polled(Request request, String op) {
            this.request = request;
            this.op = op;
        }

        /** The bytes a complete request moved, or -1 while it is not complete ({@code MPI_Test}). */
        abstract int poll(Request request) throws MPIException;

        @Override public synchronized boolean test() {
            try {
                if (moved < 0) moved = poll(request);
                return moved >= 0;
            } catch (MPIException e) {
                throw failed(op, e);
            }
        }

        @Override public int await() {
            Poll poll = new Poll();
            while (!test()) poll.pause();
            return moved;
        }
    }

    private final class Sending extends Polled {
        private final int length;

        Sending(Request request, int length, String op) {
            super(request, op);
            this.length = length;
        }

        @Override int poll(Request request) throws MPIException {
            return request.test() ? length : -1;
        }
    }

    @Override public Pending signal(int dest, int tag) {
        String op = "MPI_Isend of a heartbeat to rank " + dest;
        try {
            return new Sending(world.iSend(signalOut, 0, MPI.BYTE, dest, tag), 0, op);
        } catch (MPIException e) {
            throw failed(op, e);
        }
    }

    @Override public int takeSignal(int tag) {
        try {
            Status s = world.iProbe(MPI.ANY_SOURCE, tag);
            if (s == null) return -1;
            int source = s.getSource();
            synchronized (signalIn) {
                world.recv(signalIn, 0, MPI.BYTE, source, tag);
            }
            return source;
        } catch (MPIException e) {
            throw failed("MPI_Iprobe/MPI_Recv of a heartbeat", e);
        }
    }

    @Override public Pending receiveAsync(ByteBuffer buffer, int source, int tag) {
        String op = "MPI_Irecv from rank " + source;
        try {
            return new Polled(world.iRecv(buffer, buffer.capacity(), MPI.BYTE, source, tag), op) {
                @Override int poll(Request request) throws MPIException {
                    Status s = request.testStatus();
                    return s == null ? -1 : s.getCount(MPI.BYTE);
                }
            };
        } catch (MPIException e) {
            throw failed(op, e);
        }
    }

    /** Sleeps between polls: 1 µs at first, doubling up to 100 µs (a 4 MiB piece takes about a millisecond). */
    private static final class Poll {
        private long nanos = 1_000;

        void pause() {
            LockSupport.parkNanos(nanos);
            nanos = Math.min(100_000, nanos * 2);
        }
    }

    private int checkedLength(long length, String op) {
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new MpiException("rank " + rank + ": " + op + ": bad message length " + length);
        }
        return (int) length;
    }

    @Override public SharedLongs sharedLongs(int count) {
        if (count < 1) throw new IllegalArgumentException("count must be ≥ 1, was " + count);
        try {
            int nodeRank = node.getRank();
            // MPI_Win_allocate_shared stores the base address of the new memory through its last argument; the
            // bindings pass this buffer's address there, so it receives a pointer, not the window's memory.
            ByteBuffer baseAddress = MPI.newByteBuffer(Long.BYTES);
            Win win = new Win(nodeRank == 0 ? count * Long.BYTES : 0, Long.BYTES, MPI.INFO_NULL, node, baseAddress,
                    Win.FLAVOR_SHARED);
            win.setErrhandler(MPI.ERRORS_RETURN);
            // One passive-target epoch for the window's whole life; every operation is completed by a flush.
            win.lockAll(MPI.MODE_NOCHECK);
            Window window = new Window(win, count);
            if (nodeRank == 0) {
                for (int i = 0; i < count; i++) window.getAndSet(i, 0);   // the memory is not zeroed by MPI
            }
            node.barrier();
            return window;
        } catch (MPIException e) {
            throw failed("MPI_Win_allocate_shared of " + count + " longs", e);
        }
    }

    @Override public void abort(int code) {
        try {
            world.abort(code);
        } catch (MPIException e) {
            throw failed("MPI_Abort", e);
        }
    }

    @Override public void finish() {
        if (!finished.compareAndSet(false, true)) return;
        try {
            node.free();
            MPI.Finalize();
        } catch (MPIException e) {
            throw failed("MPI_Finalize", e);
        }
    }

    /** Longs in a shared-memory window; each thread has its own direct buffers for the operands. */
    private final class Window implements SharedLongs {
        private final Win win;
        private final int count;
        private final AtomicBoolean freed = new AtomicBoolean();
        private final ThreadLocal<LongBuffer[]> operands = ThreadLocal.withInitial(
                () -> new LongBuffer[] {MPI.newLongBuffer(1), MPI.newLongBuffer(1), MPI.newLongBuffer(1)});

        Window(Win win, int count) {
            this.win = win;
            this.count = count;
        }

        @Override public int count() {
            return count;
        }

        private void check(int index) {
            if (freed.get()) throw new IllegalStateException("window already freed");
            if (index < 0 || index >= count) throw new IndexOutOfBoundsException("index " + index + " of " + count);
        }

        @Override public long compareAndSwap(int index, long expected, long update) {
            check(index);
            LongBuffer[] b = operands.get();
            b[0].put(0, update);
            b[1].put(0, expected);
            try {
                win.compareAndSwap(b[0], b[1], b[2], MPI.LONG, 0, index);
                win.flush(0);
            } catch (MPIException e) {
                throw failed("MPI_Compare_and_swap on window slot " + index, e);
            }
            return b[2].get(0);
        }

        private long fetchAndOp(int index, long operand, Op op, String name) {
            check(index);
            LongBuffer[] b = operands.get();
            b[0].put(0, operand);
            try {
                win.fetchAndOp(b[0], b[2], MPI.LONG, 0, index, op);
                win.flush(0);
            } catch (MPIException e) {
                throw failed("MPI_Fetch_and_op (" + name + ") on window slot " + index, e);
            }
            return b[2].get(0);
        }

        @Override public long getAndAdd(int index, long delta) {
            return fetchAndOp(index, delta, MPI.SUM, "MPI_SUM");
        }

        @Override public long getAndSet(int index, long value) {
            return fetchAndOp(index, value, MPI.REPLACE, "MPI_REPLACE");
        }

        @Override public long get(int index) {
            return fetchAndOp(index, 0, MPI.NO_OP, "MPI_NO_OP");
        }

        @Override public void free() {
            if (!freed.compareAndSet(false, true)) return;
            try {
                win.unlockAll();
                win.free();
            } catch (MPIException e) {
                throw failed("MPI_Win_free", e);
            }
        }
    }
}
