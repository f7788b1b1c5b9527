package com.contactsynchub.api;

/** The admin API on the embedded H2 database of the test profile. */
class AdminApiH2Test extends AdminApiTestBase {
}
