package org.hybridta.yahoo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hybridta.io.UntrustedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which proxy a request goes through, decided as Java and most command-line tools do:
 *
 * <ol>
 *   <li>the JVM's proxy properties: {@code https.proxyHost} and {@code https.proxyPort} (default 443) for https,
 *       {@code http.proxyHost} and {@code http.proxyPort} (default 80) for http, except for the hosts of
 *       {@code http.nonProxyHosts} ({@code |}-separated, {@code *} at either end; default
 *       {@code localhost|127.*|[::1]});</li>
 *   <li>else the environment: {@code https_proxy} or {@code HTTPS_PROXY} for https, {@code http_proxy} for http
 *       (not {@code HTTP_PROXY}: CGI servers set it from a request header), each {@code [http://][user:password@]host[:port]}
 *       (port default 1080, as curl), except for the hosts of {@code no_proxy} or {@code NO_PROXY} (comma-separated
 *       domain suffixes, {@code *} for all) and loopback hosts;</li>
 *   <li>else no proxy.</li>
 * </ol>
 *
 * A value that cannot be used (another scheme such as {@code socks5://}, no host) is ignored with a warning.
 */
final class ProxySettings extends ProxySelector {
    private static final Logger LOG = LoggerFactory.getLogger(ProxySettings.class);
    private static final String DEFAULT_NON_PROXY_HOSTS = "localhost|127.*|[::1]";
    private static final ProxySettings NONE = new ProxySettings(k -> null, Map.of());

    /** A proxy chosen for a URL: where it is, which setting named it, and the credentials it gave (or null). */
    record Choice(String host, int port, String origin, String user, String password) {
        String describe() { return host + ":" + port + " (from " + origin + ")"; }
    }

    private final Function<String, String> properties;
    private final Map<String, String> env;

    private ProxySettings(Function<String, String> properties, Map<String, String> env) {
        this.properties = properties;
        this.env = env;
    }

    /** The settings of this JVM and process. */
    static ProxySettings system() { return new ProxySettings(System::getProperty, System.getenv()); }

    /** The settings given by these properties and environment variables (for tests). */
    static ProxySettings of(Map<String, String> properties, Map<String, String> env) {
        return new ProxySettings(Map.copyOf(properties)::get, Map.copyOf(env));
    }

    /** Never a proxy. */
    static ProxySettings none() { return NONE; }

    @Override public List<Proxy> select(URI uri) {
        return choose(uri).map(c -> List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(c.host(), c.port()))))
                .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to learn: the failure is reported with the symbol
    }

    /** The proxy for {@code uri}, or empty for a direct connection. */
    Optional<Choice> choose(URI uri) {
        String scheme = Objects.toString(uri.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
        String host = Objects.toString(uri.getHost(), "").toLowerCase(Locale.ROOT);
        String jvmHost = properties.apply(scheme + ".proxyHost");
        if (jvmHost != null && !jvmHost.isBlank()) {
            if (matchesNonProxyHosts(host, Objects.requireNonNullElse(properties.apply("http.nonProxyHosts"), DEFAULT_NON_PROXY_HOSTS))) {
                return Optional.empty();
            }
            String portText = properties.apply(scheme + ".proxyPort");
            int port = scheme.equals("https") ? 443 : 80;
            if (portText != null && !portText.isBlank()) {
                try {
                    port = Integer.parseInt(portText.strip());
                } catch (NumberFormatException e) {
                    LOG.warn("ignoring {}.proxyPort={}: not a port number", scheme, UntrustedText.quote(portText));
                }
            }
            return Optional.of(new Choice(jvmHost.strip(), port, scheme + ".proxyHost", null, null));
        }
        String name = scheme.equals("https") ? firstSet("https_proxy", "HTTPS_PROXY") : firstSet("http_proxy");
        if (name == null || isLoopback(host) || matchesNoProxy(host, firstValue("no_proxy", "NO_PROXY"))) return Optional.empty();
        return parse(env.get(name), name);
    }

    private String firstSet(String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) return n;
        }
        return null;
    }

    private String firstValue(String... names) {
        String n = firstSet(names);
        return n == null ? "" : env.get(n);
    }

    /** {@code [http://][user:password@]host[:port][/]} as a choice; empty (with a warning) when unusable. */
    private static Optional<Choice> parse(String value, String name) {
        String v = value.strip();
        try {
            URI u = new URI(v.contains("://") ? v : "http://" + v);
            if (!"http".equalsIgnoreCase(u.getScheme())) {
                LOG.warn("ignoring {}={}: only http:// proxies are supported; connecting directly", name, UntrustedText.quote(v));
                return Optional.empty();
            }
            if (u.getHost() == null) throw new URISyntaxException(v, "no host");
            String user = null, password = null;
            if (u.getRawUserInfo() != null) {
                String[] parts = u.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : "";
            }
            return Optional.of(new Choice(u.getHost(), u.getPort() == -1 ? 1080 : u.getPort(), name, user, password));
        } catch (URISyntaxException e) {
            // the value may hold a password: show only its start
            LOG.warn("ignoring {}: {} is not a proxy URL ({}); connecting directly", name, UntrustedText.quote(v.replaceAll("//[^@/]*@", "//…@")),
                    e.getReason());
            return Optional.empty();
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** Java's {@code http.nonProxyHosts}: {@code |}-separated host patterns with {@code *} at either end. */
    static boolean matchesNonProxyHosts(String host, String patterns) {
        for (String raw : patterns.split("\\|")) {
            String p = raw.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            if (p.equals("*")) return true;
            boolean head = p.startsWith("*"), tail = p.endsWith("*");
            String core = p.substring(head ? 1 : 0, p.length() - (tail && p.length() > 1 ? 1 : 0));
            if (head && tail ? host.contains(core) : head ? host.endsWith(core) : tail ? host.startsWith(core) : host.equals(core)) return true;
        }
        return false;
    }

    /** curl's {@code no_proxy}: comma-separated domain suffixes (a leading dot or {@code *.} optional, a port ignored), {@code *} for all. */
    static boolean matchesNoProxy(String host, String list) {
        for (String raw : list.split("[,\\s]+")) {
            String d = raw.strip().toLowerCase(Locale.ROOT);
            if (d.equals("*")) return true;
            if (d.startsWith("*.")) d = d.substring(2);
            else if (d.startsWith(".")) d = d.substring(1);
            int colon = d.lastIndexOf(':');
            if (colon > 0 && d.indexOf(':') == colon) d = d.substring(0, colon);   // host:port, not an IPv6 address
            if (!d.isEmpty() && (host.equals(d) || host.endsWith("." + d))) return true;
        }
        return false;
    }
}
