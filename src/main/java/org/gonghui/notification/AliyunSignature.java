package org.gonghui.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's RPC request signature, version 1.0 (HMAC-SHA1): the parameters sorted by name and
 * percent-encoded per RFC 3986 form the canonicalized query; the string to sign is
 * {@code METHOD&%2F&encode(canonicalized query)}; the key is the AccessKey secret followed by "&".
 */
final class AliyunSignature {

    private AliyunSignature() {
    }

    /** RFC 3986 encoding as Alibaba Cloud wants it: space as %20, * as %2A, ~ left alone. */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** The parameters (Signature excluded) sorted by name, each name=value percent-encoded, joined by &. */
    static String canonicalizedQuery(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> query.add(percentEncode(name) + "=" + percentEncode(value)));
        return query.toString();
    }

    static String stringToSign(String httpMethod, Map<String, String> parameters) {
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery(parameters));
    }

    /** Base64 of HMAC-SHA1 over the string to sign, keyed with {@code secret + "&"}. */
    static String sign(String stringToSign, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
