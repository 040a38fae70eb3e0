package dev.paved.core.forge;

import dev.paved.provider.Secret;
import java.util.Objects;

/**
 * What to authenticate a {@code git push} over https with, for the forge the token belongs to: GitHub takes the
 * user name {@code x-access-token}, GitLab {@code oauth2} for an access token and {@code gitlab-ci-token} for the CI
 * job token.
 */
public record GitCredentials(String username, Secret token) {

    public GitCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
    }
}
