package io.contentfactory.ingest.clients;

import io.contentfactory.ingest.domain.ImportRefused;
import io.contentfactory.kit.net.AddressRanges;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a URL may be fetched, and at which address. Only https; no credentials in the URL; the host is resolved
 * here and every address it has must be public, and the fetch then connects to the address checked here (never
 * resolving the name again, so a DNS answer that changes in between cannot redirect it inward). Trusted origins
 * (tests' local servers only) skip the scheme and address checks. Blocking (DNS).
 */
public final class UrlPolicy {

    private final Set<String> trustedOrigins;
    private final HostResolver resolver;

    public UrlPolicy(List<String> trustedOrigins, HostResolver resolver) {
        this.trustedOrigins = Set.copyOf(
                trustedOrigins.stream().map(UrlPolicy::normalizedOrigin).toList());
        this.resolver = resolver;
    }

    /**
     * Where to connect for {@code url}.
     *
     * @param address the checked address to connect to, or empty for a trusted origin (resolved normally)
     */
    public record Target(URI url, boolean tls, String host, int port, Optional<InetAddress> address) {
        public String pathAndQuery() {
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        }
    }

    public static URI parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ImportRefused("invalid_url", "give the URL to import as 'url'");
        }
        String trimmed = raw.strip();
        // The fragment is never sent; it must not make two URLs of one resource.
        String withoutFragment = trimmed.contains("#") ? trimmed.substring(0, trimmed.indexOf('#')) : trimmed;
        try {
            URI url = new URI(withoutFragment).normalize();
            if (url.getScheme() == null || url.getHost() == null) {
                throw new ImportRefused("invalid_url", "'" + raw + "' is not an absolute URL with a host");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ImportRefused("invalid_url", "'" + raw + "' is not a valid URL: " + e.getReason());
        }
    }

    public Target check(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(scheme) ? 443 : 80;
        if (url.getRawUserInfo() != null) {
            throw new ImportRefused("credentials_in_url", "URLs with a user name or password are not fetched");
        }
        if (trustedOrigins.contains(scheme + "://" + host + ":" + port)) {
            return new Target(url, "https".equals(scheme), host, port, Optional.empty());
        }
        if (!"https".equals(scheme)) {
            throw new ImportRefused("url_scheme_not_allowed", "only https URLs are imported, not " + scheme + ":");
        }
        return new Target(url, true, host, port, Optional.of(publicAddressOf(host)));
    }

    private InetAddress publicAddressOf(String host) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new ImportRefused("host_not_found", "the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new ImportRefused("host_not_found", "the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> range = AddressRanges.blocked(address);
            if (range.isPresent()) {
                throw new ImportRefused(
                        "address_not_allowed",
                        "the host " + host + " resolves to " + address.getHostAddress() + ", a " + range.get()
                                + " address; imports reach public addresses only");
            }
        }
        return addresses.getFirst();
    }

    private static String normalizedOrigin(String origin) {
        URI uri = URI.create(origin.strip());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
