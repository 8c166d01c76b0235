package no.dialog.local.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads an {@code AWS::Serverless::HttpApi}'s {@code Auth} section into an {@link HttpApiSpec}. */
final class HttpApiSpecReader {

    private static final String DEFAULT_IDENTITY_SOURCE = "$request.header.Authorization";

    private HttpApiSpecReader() {
    }

    static HttpApiSpec read(String logicalId, PropertyReader properties) {
        Map<String, HttpApiSpec.JwtAuthorizer> jwt = new LinkedHashMap<>();
        Set<String> others = new LinkedHashSet<>();
        String defaultAuthorizer = null;
        PropertyReader auth = properties.object("Auth").orElse(null);
        if (auth != null) {
            PropertyReader authorizers = auth.object("Authorizers").orElse(null);
            if (authorizers != null) {
                for (String name : authorizers.keys()) {
                    PropertyReader authorizer = authorizers.object(name).orElseThrow();
                    PropertyReader configuration = authorizer.object("JwtConfiguration").orElse(null);
                    if (configuration == null) {
                        others.add(name);
                        continue;
                    }
                    jwt.put(name, new HttpApiSpec.JwtAuthorizer(
                            name,
                            configuration.requiredString("issuer"),
                            configuration.strings("audience"),
                            authorizer.string("IdentitySource").orElse(DEFAULT_IDENTITY_SOURCE)));
                }
            }
            defaultAuthorizer = auth.string("DefaultAuthorizer").orElse(null);
        }
        return new HttpApiSpec(logicalId, Collections.unmodifiableMap(jwt), Collections.unmodifiableSet(others),
                defaultAuthorizer);
    }
}
