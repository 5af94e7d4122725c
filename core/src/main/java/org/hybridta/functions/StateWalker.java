package org.hybridta.functions;

import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies, writes and reads the state of a {@link Step} without any code per function: a step made by
 * {@code def.step(args)} is an object graph (the step, the lambdas' captures, the helper states they reach) whose
 * shape depends only on {@code def} and {@code args}, so two steps of one function and the same arguments are
 * isomorphic and differ only in the values of their mutable fields and array elements. The walker visits a graph in a
 * fixed order (fields by declaring class, superclass first, then by name) and
 * <ul>
 *   <li>{@link #copy} sets every mutable value of one graph to the other's (a peek's shadow, a restore);</li>
 *   <li>{@link #write} and {@link #read} put those values into bytes and back, into a fresh graph;</li>
 *   <li>{@link #shape} hashes the graph's structure, so that state written by another version is refused.</li>
 * </ul>
 * Final primitive fields are skipped (equal by construction), primitive arrays are copied whole (an array in a
 * non-final field may be replaced by one of another length: a growable buffer), objects of the catalog's own
 * classes (lambdas included) are followed, and immutable values from outside the package (enums, strings, the
 * public indicator metadata, a {@link FunctionDef} captured as {@code this}) are left as they are. Anything else —
 * a {@code java.util} collection, say — is refused, naming the field that holds it: a step keeps its state in arrays and in
 * classes of this package. An object referenced twice stays shared. A state whose graph grows with the series
 * (MAVP's averages, created when a period is first met) implements {@link Custom} instead.
 *
 * <p>Not thread-safe: a walker instance keeps its scratch tables; use one per thread (or per stream).
 */
final class StateWalker {
    /** A state the walker cannot follow field by field: it copies, writes and reads itself (through a walker for its parts). */
    interface Custom {
        /** Sets {@code target} (of the same class, made with the same arguments) to this state. */
        void copyTo(Custom target, StateWalker walker);

        void write(DataOutput out, StateWalker walker) throws IOException;

        void read(ByteBuffer in, StateWalker walker);
    }

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override protected Plan computeValue(Class<?> type) { return new Plan(type); }
    };

    private static final byte NULL = 0, VALUE = 1, SHARED = 2, OBJECT = 3;

    // the objects copied so far and their targets: a linear table (graphs are small; faster than hashing)
    private Object[] copiedFrom = new Object[16], copiedTo = new Object[16];
    private int copiedCount;
    private final Map<Object, Integer> written = new IdentityHashMap<>();
    private final List<Object> read = new ArrayList<>();

    /** Sets every mutable value of {@code to}'s graph to {@code from}'s; the graphs are of one function and arguments. */
    void copy(Object from, Object to) {
        copiedCount = 0;
        try {
            copyObject(from, to);
        } finally {
            Arrays.fill(copiedFrom, 0, copiedCount, null);
            Arrays.fill(copiedTo, 0, copiedCount, null);
            copiedCount = 0;
        }
    }

    private void copied(Object from, Object to) {
        if (copiedCount == copiedFrom.length) {
            copiedFrom = Arrays.copyOf(copiedFrom, 2 * copiedCount);
            copiedTo = Arrays.copyOf(copiedTo, 2 * copiedCount);
        }
        copiedFrom[copiedCount] = from;
        copiedTo[copiedCount++] = to;
    }

    private Object copiedTo(Object from) {
        for (int i = 0; i < copiedCount; i++) if (copiedFrom[i] == from) return copiedTo[i];
        return null;
    }

    /** Writes the mutable values of the graph at {@code root}, in the walk's order. */
    void write(Object root, DataOutput out) throws IOException {
        written.clear();
        try {
            writeObject(root, out);
        } finally {
            written.clear();
        }
    }

    /**
     * Reads values written by {@link #write} into the graph at {@code root} (made by the same function and arguments).
     *
     * @throws IllegalArgumentException if the bytes do not fit the graph (the message says where)
     */
    void read(Object root, ByteBuffer in) {
        read.clear();
        try {
            readObject(root, in);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("state ends early");
        } finally {
            read.clear();
        }
    }

    /** A hash of the graph's structure: its classes (lambdas by their enclosing class) and their fields, in walk order. */
    static long shape(Object root) {
        long[] h = {0xcbf29ce484222325L};
        shapeOf(root, h, new IdentityHashMap<>());
        return h[0];
    }

    // ---- copy

    private void copyObject(Object from, Object to) {
        copied(from, to);
        Plan plan = PLANS.get(from.getClass());
        if (plan.custom) {
            ((Custom) from).copyTo((Custom) to, new StateWalker());
            return;
        }
        try {
            Field[] fs = plan.primitives;
            byte[] types = plan.primitiveTypes;
            for (int i = 0; i < fs.length; i++) copyPrimitive(fs[i], types[i], from, to);
            fs = plan.references;
            for (int i = 0; i < fs.length; i++) {
                Field f = fs[i];
                Object a = f.get(from), b = f.get(to);
                Object c = copyReference(a, b, f);
                if (c != b) {
                    if (plan.finalReference[i]) throw differs(f);
                    f.set(to, c);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Copies {@code a} into {@code b} where it can, and returns what the target's slot must hold. */
    private Object copyReference(Object a, Object b, Field path) {
        if (a == null) return null;
        Class<?> type = a.getClass();
        if (isValue(type, path)) return b != null && (b == a || b.equals(a)) ? b : a;
        Object done = copiedTo(a);
        if (done != null) return done;
        if (type.isArray()) {
            int n = Array.getLength(a);
            if (b == null || b.getClass() != type || Array.getLength(b) != n) b = Array.newInstance(type.getComponentType(), n);
            copied(a, b);
            if (type.getComponentType().isPrimitive()) {
                System.arraycopy(a, 0, b, 0, n);
            } else {
                Object[] as = (Object[]) a, bs = (Object[]) b;
                for (int i = 0; i < n; i++) bs[i] = copyReference(as[i], bs[i], path);
            }
            return b;
        }
        if (b == null || b.getClass() != type) throw differs(path);
        copyObject(a, b);
        return b;
    }

    private static final byte DOUBLE = 0, INT = 1, LONG = 2, BOOLEAN = 3, OTHER = 4;

    private static void copyPrimitive(Field f, byte type, Object from, Object to) throws IllegalAccessException {
        switch (type) {
            case DOUBLE -> f.setDouble(to, f.getDouble(from));
            case INT -> f.setInt(to, f.getInt(from));
            case LONG -> f.setLong(to, f.getLong(from));
            case BOOLEAN -> f.setBoolean(to, f.getBoolean(from));
            default -> f.set(to, f.get(from));
        }
    }

    // ---- write

    private void writeObject(Object o, DataOutput out) throws IOException {
        written.put(o, written.size());
        if (o instanceof Custom c) {
            c.write(out, new StateWalker());
            return;
        }
        Plan plan = PLANS.get(o.getClass());
        try {
            for (Field f : plan.primitives) writePrimitive(f.getType(), f.get(o), out);
            for (Field f : plan.references) writeReference(f.get(o), out);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void writeReference(Object v, DataOutput out) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
            return;
        }
        Class<?> type = v.getClass();
        if (isValue(type, null)) {
            out.writeByte(VALUE);
            out.writeInt(valueHash(v));
            return;
        }
        Integer id = written.get(v);
        if (id != null) {
            out.writeByte(SHARED);
            out.writeInt(id);
            return;
        }
        out.writeByte(OBJECT);
        if (!type.isArray()) {
            writeObject(v, out);
            return;
        }
        written.put(v, written.size());
        int n = Array.getLength(v);
        out.writeInt(n);
        Class<?> c = type.getComponentType();
        if (c == double.class) for (double x : (double[]) v) out.writeLong(Double.doubleToRawLongBits(x));
        else if (c == int.class) for (int x : (int[]) v) out.writeInt(x);
        else if (c == long.class) for (long x : (long[]) v) out.writeLong(x);
        else if (c == boolean.class) for (boolean x : (boolean[]) v) out.writeBoolean(x);
        else if (c.isPrimitive()) for (int i = 0; i < n; i++) writePrimitive(c, Array.get(v, i), out);
        else for (Object x : (Object[]) v) writeReference(x, out);
    }

    private static void writePrimitive(Class<?> t, Object v, DataOutput out) throws IOException {
        if (t == double.class) out.writeLong(Double.doubleToRawLongBits((Double) v));
        else if (t == int.class) out.writeInt((Integer) v);
        else if (t == long.class) out.writeLong((Long) v);
        else if (t == boolean.class) out.writeBoolean((Boolean) v);
        else if (t == float.class) out.writeInt(Float.floatToRawIntBits((Float) v));
        else if (t == short.class) out.writeShort((Short) v);
        else if (t == byte.class) out.writeByte((Byte) v);
        else out.writeChar((Character) v);
    }

    // ---- read

    private void readObject(Object o, ByteBuffer in) {
        read.add(o);
        if (o instanceof Custom c) {
            c.read(in, new StateWalker());
            return;
        }
        Plan plan = PLANS.get(o.getClass());
        try {
            for (Field f : plan.primitives) f.set(o, readPrimitive(f.getType(), in));
            for (Field f : plan.references) {
                Object cur = f.get(o);
                Object v = readReference(cur, in, f);
                if (v != cur) {
                    if (Modifier.isFinal(f.getModifiers())) throw differs(f);
                    f.set(o, v);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Object readReference(Object cur, ByteBuffer in, Field path) {
        byte tag = in.get();
        switch (tag) {
            case NULL:
                return null;
            case VALUE: {
                int hash = in.getInt();
                if (cur == null || !isValue(cur.getClass(), path)) throw differs(path);
                if (valueHash(cur) != hash) throw new IllegalArgumentException("state was made with another " + describe(cur) + " (at " + where(path) + ")");
                return cur;
            }
            case SHARED: {
                int id = in.getInt();
                if (id < 0 || id >= read.size()) throw new IllegalArgumentException("state refers to an unknown object at " + where(path));
                return read.get(id);
            }
            case OBJECT:
                break;
            default:
                throw new IllegalArgumentException("state is corrupt at " + where(path) + " (tag " + tag + ")");
        }
        if (cur == null) throw differs(path);
        Class<?> type = cur.getClass();
        if (!type.isArray()) {
            if (isValue(type, path)) throw differs(path);
            readObject(cur, in);
            return cur;
        }
        int n = in.getInt();
        Class<?> c = type.getComponentType();
        int size = c == double.class || c == long.class ? 8 : c == int.class || c == float.class ? 4 : 1;
        if (n < 0 || (long) n * size > in.remaining()) throw new IllegalArgumentException("state is corrupt at " + where(path) + " (array of " + n + ")");
        Object a = Array.getLength(cur) == n ? cur : Array.newInstance(c, n);
        read.add(a);
        if (c == double.class) {
            double[] d = (double[]) a;
            for (int i = 0; i < n; i++) d[i] = Double.longBitsToDouble(in.getLong());
        } else if (c == int.class) {
            int[] d = (int[]) a;
            for (int i = 0; i < n; i++) d[i] = in.getInt();
        } else if (c == long.class) {
            long[] d = (long[]) a;
            for (int i = 0; i < n; i++) d[i] = in.getLong();
        } else if (c.isPrimitive()) {
            for (int i = 0; i < n; i++) Array.set(a, i, readPrimitive(c, in));
        } else {
            Object[] os = (Object[]) a, curs = (Object[]) cur;
            for (int i = 0; i < n; i++) os[i] = readReference(a == cur ? curs[i] : null, in, path);
        }
        return a;
    }

    private static Object readPrimitive(Class<?> t, ByteBuffer in) {
        if (t == double.class) return Double.longBitsToDouble(in.getLong());
        if (t == int.class) return in.getInt();
        if (t == long.class) return in.getLong();
        if (t == boolean.class) return in.get() != 0;
        if (t == float.class) return Float.intBitsToFloat(in.getInt());
        if (t == short.class) return in.getShort();
        if (t == byte.class) return in.get();
        return in.getChar();
    }

    // ---- shape

    private static void shapeOf(Object o, long[] h, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) return;
        Class<?> type = o.getClass();
        if (isValue(type, null)) return;
        if (type.isArray()) {
            mix(h, type.getName());
            if (!type.getComponentType().isPrimitive()) for (Object x : (Object[]) o) shapeOf(x, h, seen);
            return;
        }
        Plan plan = PLANS.get(type);
        mix(h, plan.shape);
        if (o instanceof Custom) return;
        try {
            for (Field f : plan.references) shapeOf(f.get(o), h, seen);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void mix(long[] h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h[0] ^= s.charAt(i);
            h[0] *= 0x100000001b3L;
        }
    }

    // ---- classes

    /**
     * Whether objects of {@code type} are immutable values the walker leaves alone; fails for a class it cannot
     * follow (outside this package and not a known value).
     */
    private static boolean isValue(Class<?> type, Field path) {
        Kind k = KINDS.get(type);
        if (k == Kind.FOREIGN) {
            throw new IllegalStateException("the state walker cannot follow " + type.getName() + " at " + where(path)
                    + ": a step keeps its state in arrays and in classes of org.hybridta.functions");
        }
        return k == Kind.VALUE;
    }

    private enum Kind { VALUE, FOLLOWED, FOREIGN }

    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override protected Kind computeValue(Class<?> type) { return kind(type); }
    };

    private static Kind kind(Class<?> type) {
        if (type.isArray()) return Kind.FOLLOWED;
        if (type.isEnum() || type.getSuperclass() != null && type.getSuperclass().isEnum()) return Kind.VALUE;
        if (FunctionDef.class.isAssignableFrom(type) || type == Args.class) return Kind.VALUE;
        String pkg = type.getPackageName();
        if (pkg.equals("java.lang") || pkg.equals("org.hybridta.indicator")) return Kind.VALUE;
        return pkg.equals(StateWalker.class.getPackageName()) ? Kind.FOLLOWED : Kind.FOREIGN;
    }

    /** A hash of an immutable value that is the same in every JVM (enums' own hash codes are not). */
    private static int valueHash(Object v) {
        return v instanceof Enum<?> e ? e.name().hashCode() : v.toString().hashCode();
    }

    private static String describe(Object v) {
        String s = v.toString();
        return v.getClass().getSimpleName() + " (now " + (s.length() > 200 ? s.substring(0, 200) + "…" : s) + ")";
    }

    private static IllegalArgumentException differs(Field at) {
        return new IllegalArgumentException("state does not fit this step at " + where(at));
    }

    /** A field for messages: {@code GainLoss.State.gain}. */
    private static String where(Field f) {
        return f == null ? "the step" : Plan.name(f.getDeclaringClass()).replaceFirst("^.*\\.", "") + "." + f.getName();
    }

    /** The fields the walker visits in one class: mutable primitives, then references (final or not). */
    private static final class Plan {
        final Field[] primitives, references;
        final byte[] primitiveTypes;
        final boolean[] finalReference;
        final boolean custom;
        final String shape;

        Plan(Class<?> type) {
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) chain.add(0, c);
            List<Field> prims = new ArrayList<>(), refs = new ArrayList<>();
            StringBuilder shape = new StringBuilder(name(type)).append('{');
            for (Class<?> c : chain) {
                Field[] fields = c.getDeclaredFields();
                Arrays.sort(fields, Comparator.comparing(Field::getName));
                for (Field f : fields) {
                    int m = f.getModifiers();
                    if (Modifier.isStatic(m)) continue;
                    boolean primitive = f.getType().isPrimitive();
                    if (primitive && Modifier.isFinal(m)) continue;
                    f.setAccessible(true);
                    (primitive ? prims : refs).add(f);
                    shape.append(f.getName()).append(':').append(f.getType().getName()).append(';');
                }
            }
            this.primitives = prims.toArray(Field[]::new);
            this.references = refs.toArray(Field[]::new);
            this.custom = Custom.class.isAssignableFrom(type);
            primitiveTypes = new byte[primitives.length];
            for (int i = 0; i < primitives.length; i++) {
                Class<?> t = primitives[i].getType();
                primitiveTypes[i] = t == double.class ? DOUBLE : t == int.class ? INT : t == long.class ? LONG : t == boolean.class ? BOOLEAN : OTHER;
            }
            finalReference = new boolean[references.length];
            for (int i = 0; i < references.length; i++) finalReference[i] = Modifier.isFinal(references[i].getModifiers());
            this.shape = shape.append('}').toString();
        }

        /** A class's name, a lambda's as its enclosing class's plus {@code $$Lambda} (the rest differs per JVM). */
        static String name(Class<?> type) {
            String n = type.getName();
            int lambda = n.indexOf("$$Lambda");
            return lambda < 0 ? n : n.substring(0, lambda + 8);
        }
    }
}
