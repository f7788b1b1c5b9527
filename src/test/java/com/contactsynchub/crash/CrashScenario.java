package com.contactsynchub.crash;

/**
 * One run of the crash test.
 *
 * @param name           folder under target/crash-it and the prefix of the message ids
 * @param seed           decides the edits and the kill moments; printed so that a run can be repeated
 * @param groups         contact + customer each, every third also a vendor
 * @param edits          users' edits over all groups
 * @param editsPerSecond the users' pace; 0 = derived from the hub's start time so the kills fit in the stream
 * @param kills          SIGKILLs of the (first) hub during the edit stream, each followed by a restart
 * @param database       H2 file database in the hub, or a fresh PostgreSQL schema
 * @param hubs           1: the hub with its embedded broker; 2: two hubs sharing a standalone Artemis
 */
record CrashScenario(String name, long seed, int groups, int edits, double editsPerSecond, int kills,
        Database database, int hubs) {

    enum Database { H2, POSTGRES }

    CrashScenario withName(String newName) {
        return new CrashScenario(newName, seed, groups, edits, editsPerSecond, kills, database, hubs);
    }

    CrashScenario withKills(int newKills) {
        return new CrashScenario(name, seed, groups, edits, editsPerSecond, newKills, database, hubs);
    }

    CrashScenario withRate(double newRate) {
        return new CrashScenario(name, seed, groups, edits, newRate, kills, database, hubs);
    }
}
