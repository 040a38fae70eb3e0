package dev.paved.provider.gitmanifests;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of one environment's directory in the deploy repo at one commit, keyed by their path from the
 * repository root ({@code prod/payments-api/deployment.yaml}). Read from Git, never from a work tree.
 *
 * @param environment the environment, which is also the top-level directory
 * @param files       contents by path
 */
record DeployTree(String environment, SortedMap<String, byte[]> files) {

    DeployTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    static DeployTree empty(String environment) {
        return new DeployTree(environment, new TreeMap<>());
    }

    /** The names of the directories directly under the environment's directory. */
    SortedSet<String> directories() {
        SortedSet<String> names = new TreeSet<>();
        String prefix = environment + "/";
        for (String path : files.keySet()) {
            int slash = path.indexOf('/', prefix.length());
            if (path.startsWith(prefix) && slash > 0) {
                names.add(path.substring(prefix.length(), slash));
            }
        }
        return names;
    }

    /** The files anywhere under {@code <environment>/<directory>/}, keyed by path from the repository root. */
    SortedMap<String, byte[]> under(String directory) {
        String prefix = environment + "/" + directory + "/";
        return files.subMap(prefix, prefix + Character.MAX_VALUE);
    }

    byte[] file(String path) {
        return files.get(path);
    }
}
