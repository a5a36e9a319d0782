package dev.hooklab.run.agent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessControlListTest {

    @Test
    void entriesAreWrittenInTheAgentsLongForm() {
        assertThat(AccessControlEntry.parse("u:bob:rwx").text()).isEqualTo("user:bob:rwx");
        assertThat(AccessControlEntry.parse("bob:5").text()).isEqualTo("user:bob:r-x");
        assertThat(AccessControlEntry.parse("d:g:dev:6").text()).isEqualTo("default:group:dev:rw-");
        assertThat(AccessControlEntry.parse("default:m::x").text()).isEqualTo("default:mask::--x");
        assertThat(AccessControlEntry.parse("m::r").text()).isEqualTo("mask::r--");
        assertThat(AccessControlEntry.parse("d:o:4").text()).isEqualTo("default:other::r--");
        assertThatThrownBy(() -> AccessControlEntry.parse("x:bob:r")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFullAclAddsBaseEntriesMaskAndDefaults() {
        AccessControlList acl = new AccessControlList(List.of("u:bob:rwx", "d:g:dev:rx"));

        assertThat(acl.entries()).containsExactly("user:bob:rwx", "default:group:dev:r-x");
        assertThat(acl.complete(0750)).isEqualTo("user:bob:rwx,default:group:dev:r-x,user::rwx,group::r-x,other::---,"
                + "mask::r-x,default:user::rwx,default:group::r-x,default:other::---,default:mask::r-x");
    }

    @Test
    void aBaseMaskGivenInTheAppSpecIsKept() {
        assertThat(new AccessControlList(List.of("g:dev:r", "m::rw")).complete(0644))
                .isEqualTo("group:dev:r--,mask::rw-,user::rw-,group::r--,other::r--");
    }

    @Test
    void addedEntriesPileUpFromOneTargetToTheNext() {
        AccessControlList acl = new AccessControlList(List.of("d:u:bob:7"));
        acl.complete(0700);

        assertThat(acl.complete(0755)).isEqualTo("default:user:bob:rwx,user::rwx,group::---,other::---,"
                + "default:user::rwx,default:group::---,default:other::---,default:mask::---,"
                + "user::rwx,group::r-x,other::r-x");
    }

    @Test
    void rangesAreRewrittenAsRangeInfoDoes() {
        assertThat(SelinuxRangeText.canonical("s0")).isEqualTo("s0");
        assertThat(SelinuxRangeText.canonical("s0-s0")).isEqualTo("s0");
        assertThat(SelinuxRangeText.canonical("s03-s5:c0.c7,c13")).isEqualTo("s3-s5:c0.c7,c13");
        assertThat(SelinuxRangeText.canonical("s0:c0.c1,c15,c7.c9,c2")).isEqualTo("s0:c0.c2,c7.c9,c15");
    }
}
