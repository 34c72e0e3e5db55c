package dev.ocular.compositor.service;

import dev.ocular.gpu.BadInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the service listens and who may use it. Loopback binding needs no token (only processes on this machine can
 * connect); any other address requires one, which is generated when none is given so the service is never open to
 * the network. A given token is also checked on loopback.
 *
 * @param bindAddress IP address or host name to bind ({@link #DEFAULT_BIND} by default)
 * @param port TCP port, 0 for any free one
 * @param token the bearer token, null for none (loopback only)
 * @param tokenGenerated whether the service made the token up (the CLI then prints it)
 * @param reportDir where profiling windows' reports are written (one subdirectory per window)
 */
public record ServiceConfig(String bindAddress, int port, String token, boolean tokenGenerated, Path reportDir) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8097;
    private static final int MIN_TOKEN_LENGTH = 16;

    public ServiceConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(reportDir, "reportDir");
    }

    /**
     * Validates the command line's values.
     *
     * @param token the {@code --token} value or null; generated when null and the address is not loopback
     * @throws BadInputException for a port out of range, an address that does not resolve, or a weak token
     */
    public static ServiceConfig of(String bindAddress, int port, String token, Path reportDir) {
        if (port < 0 || port > 65_535) {
            throw new BadInputException("--port " + port + ": expected 0..65535");
        }
        String bind = bindAddress == null || bindAddress.isBlank() ? DEFAULT_BIND : bindAddress.strip();
        if (token != null && (token.length() < MIN_TOKEN_LENGTH || !token.matches("[A-Za-z0-9._~-]+"))) {
            throw new BadInputException("--token: use at least " + MIN_TOKEN_LENGTH
                    + " characters of A-Z, a-z, 0-9, '.', '_', '~', '-'");
        }
        if (token == null && !isLoopback(bind)) {
            return new ServiceConfig(bind, port, generateToken(), true, reportDir);
        }
        return new ServiceConfig(bind, port, token, false, reportDir);
    }

    /** Whether the address is a loopback address (127.0.0.0/8, ::1, or a name resolving to one). */
    public static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new BadInputException("--bind " + address + ": not an address of this machine ("
                    + e.getMessage() + ")", e);
        }
    }

    public boolean loopback() {
        return isLoopback(bindAddress);
    }

    /** 32 random bytes, URL-safe Base64 (43 characters): fits a header and a query string unescaped. */
    static String generateToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
