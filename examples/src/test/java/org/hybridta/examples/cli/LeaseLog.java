package org.hybridta.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lease log of a distributed run (the INFO lines {@code MpiDeviceLeaser} writes when ranks share devices:
 * {@code lease: rank 2 of 4 on node1 (local rank 2) got device 0 at 2026-…Z after 37.8 ms (handed over by local rank 0)}
 * and {@code … released device 0 at … after … ms (…)}) and checks that no device ever had two holders.
 *
 * <pre>java … org.hybridta.examples.cli.LeaseLog run.err     # prints the timeline and a verdict; exit 1 on overlap</pre>
 *
 * A release is stamped before the device is handed over and a grant after it is taken, so on one host the
 * intervals [got, released] of one device never overlap unless two ranks really held it at once.
 */
public final class LeaseLog {
    private static final Pattern LINE = Pattern.compile(
            "lease: rank (\\d+) of (\\d+) on (\\S+) \\(local rank (\\d+)\\) (got|released) device (\\d+) at (\\S+) after ([\\d.]+) ms \\((.*)\\)");

    /** One grant or release. */
    record Event(int rank, String host, int device, boolean got, Instant at, String how) {}

    /** One holder of a device, from its grant to its release (or {@code null}: never released). */
    record Hold(int rank, String host, int device, Instant from, Instant to, String how) {}

    private LeaseLog() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LeaseLog FILE   (the stderr of a run with -v, ranks sharing devices)");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<Hold> holds = holds(events(lines));
        Instant start = holds.stream().map(Hold::from).min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        for (Hold h : holds) {
            System.out.printf("device %d on %s: rank %-3d holds it %9.3f .. %s ms (%s)%n", h.device(), h.host(), h.rank(),
                    ms(start, h.from()), h.to() == null ? "never released" : String.format("%.3f", ms(start, h.to())), h.how());
        }
        int max = maxHolders(lines);
        long handovers = holds.stream().filter(h -> h.how().startsWith("handed over")).count();
        System.out.printf("lease log: %d grants, %d hand-overs between ranks, at most %d holder%s of one device at once: %s%n",
                holds.size(), handovers, max, max == 1 ? "" : "s", max <= 1 && !holds.isEmpty() ? "OK" : "FAILED");
        System.exit(max <= 1 && !holds.isEmpty() ? 0 : 1);
    }

    static List<Event> events(List<String> lines) {
        List<Event> events = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                events.add(new Event(Integer.parseInt(m.group(1)), m.group(3), Integer.parseInt(m.group(6)), m.group(5).equals("got"),
                        Instant.parse(m.group(7)), m.group(9)));
            }
        }
        return events;
    }

    /** Each grant with the same rank's next release of that device. */
    static List<Hold> holds(List<Event> events) {
        List<Hold> holds = new ArrayList<>();
        Map<String, List<Event>> byHolder = new HashMap<>();
        for (Event e : events) byHolder.computeIfAbsent(e.host() + "/" + e.rank() + "/" + e.device(), k -> new ArrayList<>()).add(e);
        for (List<Event> own : byHolder.values()) {
            own.sort(Comparator.comparing(Event::at).thenComparing(e -> !e.got()));
            Event open = null;
            for (Event e : own) {
                if (e.got()) {
                    if (open != null) holds.add(new Hold(open.rank(), open.host(), open.device(), open.at(), null, open.how()));
                    open = e;
                } else if (open != null) {
                    holds.add(new Hold(open.rank(), open.host(), open.device(), open.at(), e.at(), open.how()));
                    open = null;
                }
            }
            if (open != null) holds.add(new Hold(open.rank(), open.host(), open.device(), open.at(), null, open.how()));
        }
        holds.sort(Comparator.comparing(Hold::from));
        return holds;
    }

    /**
     * The most holders one device had at one instant (a release at the very instant of the next grant counts as
     * before it); a grant never released counts as held to the end. 0 when the lines hold no lease log.
     */
    static int maxHolders(List<String> lines) {
        Map<String, TreeMap<Instant, Integer>> deltas = new HashMap<>();
        for (Hold h : holds(events(lines))) {
            TreeMap<Instant, Integer> d = deltas.computeIfAbsent(h.host() + "/" + h.device(), k -> new TreeMap<>());
            d.merge(h.from(), 1, Integer::sum);
            if (h.to() != null) d.merge(h.to(), -1, Integer::sum);
        }
        int max = 0;
        for (TreeMap<Instant, Integer> d : deltas.values()) {
            int holders = 0;
            for (int delta : d.values()) {
                // at one instant, releases and grants net out: a hand-over stamped to the microsecond is no overlap
                holders += delta;
                max = Math.max(max, holders);
            }
        }
        return max;
    }

    private static double ms(Instant start, Instant t) {
        return Duration.between(start, t).toNanos() / 1e6;
    }
}
