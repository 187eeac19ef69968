package io.codelog.autoconfigure;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the S3 keys and the password of the MongoDB connection string under every name they can have: the
 * {@code codelog.*} property, the {@code FLOWS_CODE_ACTIONS_*} variable and its relaxed form.
 */
final class CodeLogSecretsSanitizingFunction implements SanitizingFunction {

    private static final Set<String> SECRETS = Set.of(
            "codelogs3secretaccesskey",
            "codelogs3accesskeyid",
            "flowscodeactionss3secretaccesskey",
            "flowscodeactionss3accesskeyid");
    private static final Set<String> CONNECTION_STRINGS = Set.of("codelogmongouri", "flowscodeactionsmongodburi");

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = normalized(data.getKey());
        if (SECRETS.contains(key)) {
            return data.withSanitizedValue();
        }
        if (CONNECTION_STRINGS.contains(key) && data.getValue() != null) {
            return data.withValue(withoutUserInfo(data.getValue().toString()));
        }
        return data;
    }

    /** The connection string with everything between the scheme and the host masked. */
    static String withoutUserInfo(String connectionString) {
        int userInfoEnd = connectionString.lastIndexOf('@');
        if (userInfoEnd < 0) {
            return connectionString;
        }
        int schemeEnd = connectionString.indexOf("://");
        int userInfoStart = schemeEnd >= 0 && schemeEnd < userInfoEnd ? schemeEnd + 3 : 0;
        return connectionString.substring(0, userInfoStart)
                + SanitizableData.SANITIZED_VALUE
                + connectionString.substring(userInfoEnd);
    }

    private static String normalized(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
