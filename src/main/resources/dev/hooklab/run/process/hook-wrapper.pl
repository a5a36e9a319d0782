# hooklab's hook wrapper, started by dev.hooklab.run.HookWrapper with
#   perl -e <this text> -- TIMEOUT_S GRACE_MS SETTLE_MS OWN_PID_NS WAIT_OUTPUTS COMMAND... 3>>STATUS
# It starts COMMAND (already split into words the way Ruby's spawn splits the agent's one-string
# command) in a new process group, as the CodeDeploy agent's Open3.popen3(..., pgroup: true) does,
# and appends what happened to descriptor 3, one fact per line:
#   pipes <stdout inode> <stderr inode>   the capture pipes
#   pid <pid>                             the script's process (in the sandbox's PID namespace)
#   exec-error <errno> <NAME> <text>      exec failed, after Ruby's ENOEXEC retry under /bin/sh
#   deadline | stopped                    SIGTERM went to the script's process group
#   survived-term <pid> <command>         still alive after the grace period, got SIGKILL
#   exit <n> | signal <n> <NAME>          the script's raw wait status
#   (own PID namespace only, after the exit:)
#   holder stdout|stderr <pid> <command>  keeps an output open past the settle time
#   settled <ms>                          (not waiting) hooklab stopped waiting after this long
#   released <ms>                         (waiting) every holder let go this long after the exit
#   still-held stdout|stderr <pid> <cmd>  (waiting) still holds an output at the agent's deadline
#   leftover <pid> <command>              still running after the exit
#   done                                  then the wrapper waits until its own stdin closes
# The hook cannot reach descriptor 3: it is close-on-exec, and the wrapper makes itself
# non-dumpable, so /proc/<wrapper>/fd cannot be reopened by a process without CAP_SYS_PTRACE.
# The wrapper keeps no copy of the capture pipes once the script runs, so only the script's
# processes hold them. Only perl builtins: each module costs milliseconds per hook (even strict, and %!,
# which loads Errno), so errno numbers go to hooklab, which names them.

my ($timeout, $grace_ms, $stop_grace_ms, $settle_ms, $own_ns, $wait_outputs, @command) = @ARGV;
open(my $status, '>>&=3') or exit 70;
fcntl($status, 2, 1); # F_SETFD FD_CLOEXEC: the script never inherits the channel
sub report { my $line = join(' ', @_); $line =~ tr/\n\r/  /; syswrite($status, "$line\n") }

my %sys = syscalls();
syscall($sys{prctl}, 4, 0, 0, 0, 0) if $sys{prctl}; # PR_SET_DUMPABLE 0
my $ignored_at_start = ignored_signals();

for my $name (qw(PERL5OPT PERL5LIB PERLLIB)) {
    $ENV{$name} = delete $ENV{"HOOKLAB_SAVED_$name"} if exists $ENV{"HOOKLAB_SAVED_$name"};
}

my ($out_inode, $err_inode) = ((stat STDOUT)[1] // 0, (stat STDERR)[1] // 0);
report('pipes', $out_inode, $err_inode);

# SIGTERM is hooklab's Stop; SIGINT and SIGHUP (Ctrl-C, a closed terminal) stop the hook too,
# since the script runs in a process group of its own that they would not reach.
my @stop_signals = qw(TERM INT HUP);
my $stop_requested = 0;
$SIG{$_} = sub { $stop_requested = 1 } for @stop_signals;
# exec failures come back over a socket pair, not a pipe: a pipe can be reopened for writing through
# /proc/<wrapper>/fd by a hook that has CAP_SYS_PTRACE (root without bubblewrap), which could then forge an
# exec error before the wrapper reads; opening a socket through /proc fails (ENXIO).
# (AF_UNIX = 1, SOCK_STREAM = 1, PF_UNSPEC = 0 on Linux: numbers, so that the Socket module need not load)
socketpair(my $exec_r, my $exec_w, 1, 1, 0) or do { report('exec-error', 0, 'EPIPE', "socketpair: $!"); finish() };
my $pid = fork();
if (!defined $pid) { report('exec-error', $! + 0, 'EAGAIN', "$!"); finish() }
if ($pid == 0) {
    close $exec_r;
    # the agent gives the script a pipe whose write end it closes at once: reads get EOF
    if (pipe(my $in_r, my $in_w)) {
        close $in_w;
        open(STDIN, '<&', $in_r);
        close $in_r;
    } else {
        open(STDIN, '<', '/dev/null');
    }
    $SIG{$_} = 'DEFAULT' for @stop_signals, qw(ALRM PIPE);
    $SIG{HUP} = 'IGNORE' if $ignored_at_start & (1 << 0); # kept ignored, as a Ruby parent keeps it
    setpgrp(0, 0);
    agent_signals();
    exec { $command[0] } @command;
    my $errno = $! + 0;
    my $text = "$!";
    if ($errno == 8) {
        # ENOEXEC: Ruby's spawn runs a file the kernel refuses (no #! line) with /bin/sh
        exec { '/bin/sh' } '/bin/sh', @command;
        ($errno, $text) = ($! + 0, "$!");
    }
    syswrite($exec_w, join(' ', $errno, '?', $text));
    exit 127;
}
# the agent's deadline counts whole seconds: Time.now.to_i + timeout (ThreadJoiner)
my $deadline_epoch = time + $timeout;
close $exec_w;
report('pid', $pid);
open(STDOUT, '>', '/dev/null');
open(STDERR, '>', '/dev/null');
my $exec_failure = '';
sysread($exec_r, $exec_failure, 4096);
close $exec_r;
if ($exec_failure ne '') {
    waitpid($pid, 0);
    report('exec-error', $exec_failure);
    finish();
}

my ($wait_status, $ended);
eval {
    local $SIG{ALRM} = sub { die "deadline\n" };
    local @SIG{@stop_signals} = (sub { die "stopped\n" }) x @stop_signals;
    die "stopped\n" if $stop_requested;
    alarm($timeout);
    waitpid($pid, 0);
    $wait_status = $?;
    alarm(0);
    1;
} or do {
    alarm(0);
    ($ended = $@) =~ s/\n//;
};
$SIG{$_} = 'IGNORE' for @stop_signals;

if (defined $ended) {
    report($ended);
    # one SIGTERM to the process group, as the agent's Process.kill('-TERM', pid); what left the
    # group gets its own SIGTERM (the agent's would keep running), so nothing outlives the hook
    my @targets = $own_ns ? others() : tree_of($pid);
    kill 'TERM', -$pid;
    my @outside = grep { (stat_of($_))[3] != $pid } @targets;
    kill 'TERM', @outside if @outside;
    my $waited = 0;
    my $limit = $ended eq 'stopped' ? $stop_grace_ms : $grace_ms; # a Stop pressed by the user: hooklab's shorter grace
    while (1) {
        if (!defined $wait_status && waitpid($pid, 1) == $pid) { $wait_status = $? }
        last if defined $wait_status && !survivors(@targets);
        last if $waited >= $limit;
        select(undef, undef, undef, 0.02);
        $waited += 20;
    }
    my @left = survivors(@targets);
    report('survived-term', $_, command_of($_)) for @left;
    if ($own_ns) { kill 'KILL', -1 } elsif (@left) { kill 'KILL', @left }
    if (!defined $wait_status) { waitpid($pid, 0); $wait_status = $? }
    report_wait_status($wait_status);
    finish();
}

report_wait_status($wait_status);
if ($own_ns) {
    watch_outputs();
    # nothing outlives the hook: end what is left now, so it is gone when hooklab hears "done"
    if (others()) {
        kill 'KILL', -1;
        for (1 .. 100) { last if !others(); select(undef, undef, undef, 0.01) }
    }
}
finish();

# After the exit, the agent reads stdout to its end, then stderr, each wait lasting until its
# whole-second deadline: (deadline - now.to_i) seconds from when that wait starts.
sub watch_outputs {
    my $exited = uptime_ms();
    my $out_end = $exited + max0($deadline_epoch - time) * 1000;
    my $settle_end = $exited + $settle_ms < $out_end ? $exited + $settle_ms : $out_end;
    my @holders = holders();
    while (@holders && uptime_ms() < $settle_end) {
        select(undef, undef, undef, 0.025);
        @holders = holders();
    }
    my %holding = map { $_->[1] => 1 } @holders;
    if (@holders) {
        report('holder', @$_) for @holders;
        if (!$wait_outputs) {
            report('settled', uptime_ms() - $exited);
        } else {
            my $err_end;
            while (@holders) {
                my $now = uptime_ms();
                if (!grep { $_->[0] eq 'stdout' } @holders) {
                    $err_end //= $now + max0($deadline_epoch - time) * 1000;
                    last if $now >= $err_end;
                } elsif ($now >= $out_end) {
                    last;
                }
                select(undef, undef, undef, $now - $exited < 1000 ? 0.025 : 0.1);
                @holders = holders();
            }
            if (@holders) { report('still-held', @$_) for @holders }
            else { report('released', uptime_ms() - $exited) }
        }
    }
    report('leftover', $_, command_of($_)) for grep { !$holding{$_} } others();
}

sub max0 { return $_[0] > 0 ? $_[0] : 0 }

# Says "done", then stays until hooklab closes the wrapper's stdin: the JVM closes a child's
# output pipes when that child exits, which would end hooklab's reading while a background
# process of the script still holds them.
sub finish {
    report('done');
    my $byte;
    1 while sysread(STDIN, $byte, 1) > 0;
    exit 0;
}

sub report_wait_status {
    my ($raw) = @_;
    if ($raw & 127) {
        require Config;
        my @names = split ' ', $Config::Config{sig_name};
        report('signal', $raw & 127, 'SIG' . ($names[$raw & 127] // '?'));
    } else {
        report('exit', $raw >> 8);
    }
}

# Linux system call numbers by the machine type in perl's own ELF header; none elsewhere.
sub syscalls {
    return () unless $^O eq 'linux' && open(my $exe, '<', '/proc/self/exe');
    binmode $exe;
    read($exe, my $header, 20) == 20 or return ();
    my $machine = unpack('v', substr($header, 18, 2));
    return (prctl => 157, sigaction => 13, sigprocmask => 14) if $machine == 62;   # x86_64
    return (prctl => 167, sigaction => 134, sigprocmask => 135) if $machine == 183; # aarch64
    return ();
}

# SigIgn from /proc/self/status: bit n-1 for signal n.
sub ignored_signals {
    open(my $f, '<', '/proc/self/status') or return 0;
    while (<$f>) { return hex($1) if /^SigIgn:\s*([0-9a-f]+)/ }
    return 0;
}

# The script starts as a child of the agent's Ruby starts: no signal blocked (the JVM blocks some),
# INT, QUIT and TERM at their defaults (the agent traps them), and neither 32 nor 33 ignored (the
# JVM ignores them; Ruby does not). Other signals ignored when hooklab started stay ignored.
sub agent_signals {
    return unless $sys{sigprocmask};
    my $ignored = ignored_signals();
    my ($default, $empty) = ("\0" x 32, "\0" x 8); # syscall may write into its buffers: no constants
    for my $signal (2, 3, 15, 32, 33) {
        syscall($sys{sigaction}, $signal, $default, 0, 8) if $ignored & (1 << ($signal - 1));
    }
    syscall($sys{sigprocmask}, 2, $empty, 0, 8); # SIG_SETMASK to the empty set
}

sub uptime_ms {
    open(my $f, '<', '/proc/uptime') or return 0;
    my ($seconds) = split ' ', <$f> // '0';
    return int($seconds * 1000);
}

# Processes in the sandbox's PID namespace other than the wrapper and its parent (bwrap's init).
sub others {
    opendir(my $proc, '/proc') or return ();
    my %ours = ($$ => 1, getppid() => 1, 1 => 1);
    return grep { /^\d+$/ && !$ours{$_} && alive($_) } readdir $proc;
}

sub holders {
    return () unless $out_inode || $err_inode;
    my @found;
    for my $p (others()) {
        opendir(my $fds, "/proc/$p/fd") or next;
        my %seen;
        for my $fd (grep { /^\d+$/ } readdir $fds) {
            my $link = readlink("/proc/$p/fd/$fd") // next;
            my ($inode) = $link =~ /^pipe:\[(\d+)\]$/ or next;
            my $stream = $inode == $out_inode ? 'stdout' : $inode == $err_inode ? 'stderr' : next;
            next if $seen{$stream} || !writes("/proc/$p/fdinfo/$fd");
            $seen{$stream} = 1;
            push @found, [$stream, $p, command_of($p)];
        }
    }
    return @found;
}

sub writes {
    open(my $info, '<', $_[0]) or return 0;
    while (<$info>) { return (oct($1) & 3) != 0 if /^flags:\s*(\d+)/ }
    return 0;
}

sub command_of {
    my ($p) = @_;
    if (open(my $f, '<', "/proc/$p/cmdline")) {
        local $/;
        my $line = <$f> // '';
        $line =~ s/\0+$//;
        $line =~ tr/\0/ /;
        return $line if $line ne '';
    }
    my ($comm) = stat_of($p);
    return defined $comm ? "[$comm]" : '?';
}

# (comm, state, ppid, pgrp) from /proc/PID/stat, or () when the process is gone.
sub stat_of {
    open(my $f, '<', "/proc/$_[0]/stat") or return ();
    my $line = <$f> // return ();
    my ($comm, $rest) = $line =~ /^\d+ \((.*)\) (.*)$/s or return ();
    my ($state, $ppid, $pgrp) = split ' ', $rest;
    return ($comm, $state, $ppid, $pgrp);
}

sub alive {
    my (undef, $state) = stat_of($_[0]);
    return defined $state && $state ne 'Z' && $state ne 'X';
}

# The script's process group and every descendant of the script (before any of them is reaped).
sub tree_of {
    my ($root) = @_;
    my (%children, @members);
    if (opendir(my $proc, '/proc')) {
        for my $p (grep { /^\d+$/ } readdir $proc) {
            my (undef, undef, $ppid, $pgrp) = stat_of($p) or next;
            push @{$children{$ppid}}, $p;
            push @members, $p if defined $pgrp && $pgrp == $root;
        }
    }
    my %tree = ($root => 1);
    my @queue = ($root);
    while (@queue) { for my $c (@{$children{shift @queue} // []}) { push @queue, $c unless $tree{$c}++ } }
    $tree{$_} = 1 for @members;
    return sort { $a <=> $b } keys %tree;
}

sub survivors {
    return grep { alive($_) && ($_ != $pid || !defined $wait_status) } @_;
}
