package org.hybridta.mpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.SymbolStatus;
import org.hybridta.parallel.PartResult;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;

/**
 * The small messages of a distributed run, as bytes: a part of the plan (or the root's refusal), the announcement
 * of a result stream ({@link ResultStream}), an outcome; and failed results.
 */
final class Parts {
    private static final byte PLAN_OK = 0;
    private static final byte PLAN_REFUSED = 1;

    private Parts() {}

    /** A rank's parts of the plan, in order: the members of each, every field of each member. */
    static byte[] encodePlan(List<List<Constituent>> parts) {
        return write(out -> {
            out.writeByte(PLAN_OK);
            out.writeInt(parts.size());
            for (List<Constituent> members : parts) {
                out.writeInt(members.size());
                for (Constituent c : members) {
                    writeString(out, c.symbol());
                    writeString(out, c.name());
                    writeString(out, c.sector());
                    writeString(out, c.yahooSymbol());
                }
            }
        });
    }

    /** The root's reason for refusing a plan, sent to every rank so that all of them fail alike. */
    static byte[] encodeRefusal(String reason) {
        return write(out -> {
            out.writeByte(PLAN_REFUSED);
            writeString(out, reason);
        });
    }

    /** A rank's parts, or an {@link IllegalArgumentException} with the root's refusal. */
    static List<List<Constituent>> decodePlan(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() == PLAN_REFUSED) throw new IllegalArgumentException(readString(in));
            int parts = in.readInt();
            List<List<Constituent>> plan = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                int n = in.readInt();
                List<Constituent> members = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    members.add(new Constituent(readString(in), readString(in), readString(in), readString(in)));
                }
                plan.add(List.copyOf(members));
            }
            return List.copyOf(plan);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt plan message: " + e.getMessage(), e);
        }
    }

    /** What rank 0 needs to take a result stream: its length and the size of its pieces. */
    record Announcement(long length, int pieceBytes) {}

    static byte[] encodeAnnouncement(long length, int pieceBytes) {
        return write(out -> {
            out.writeLong(length);
            out.writeInt(pieceBytes);
        });
    }

    static Announcement decodeAnnouncement(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            long length = in.readLong();
            int piece = in.readInt();
            if (length < 0 || piece < Long.BYTES) throw new IOException("length " + length + ", pieces of " + piece + " bytes");
            return new Announcement(length, piece);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt result announcement: " + e.getMessage(), e);
        }
    }

    /** {@code null} (success) or a one-line error. */
    static byte[] encodeOutcome(String outcome) {
        return outcome == null ? new byte[0] : ("!" + outcome).getBytes(StandardCharsets.UTF_8);
    }

    static String decodeOutcome(byte[] bytes) {
        return bytes.length == 0 ? null : new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
    }

    private static final byte EXIT_CODE = 'X';

    /** An exit code, in a form no outcome ({@link #encodeOutcome}) has: a rank out of step cannot mistake one for the other. */
    static byte[] encodeExitCode(int code) {
        if (code < 0 || code > 255) throw new IllegalArgumentException("an exit code is 0 to 255, was " + code);
        return new byte[] {EXIT_CODE, (byte) code};
    }

    /** The exit code of {@link #encodeExitCode}, or -1 when {@code bytes} are something else. */
    static int decodeExitCode(byte[] bytes) {
        return bytes.length == 2 && bytes[0] == EXIT_CODE ? bytes[1] & 0xff : -1;
    }

    /** A result for a part whose work failed: every member failed with {@code reason}, nothing computed. */
    static PartResult failed(int part, String worker, List<Constituent> members, String reason) {
        List<SymbolStatus> statuses = new ArrayList<>(members.size());
        for (Constituent c : members) statuses.add(SymbolStatus.failed(c.symbol(), FailureKind.ERROR, reason));
        return new PartResult(part, worker, List.of(), null, statuses, 0, 0, "");
    }

    /** Writes strings of any length (DataOutput.writeUTF stops at 64 KiB, and a failure reason may be long). */
    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }
}
