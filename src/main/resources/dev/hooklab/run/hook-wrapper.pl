# hooklab's hook wrapper, started by dev.hooklab.run.HookWrapper with
#   perl -e <this text> -- STATUS TIMEOUT_S GRACE_MS SETTLE_MS OWN_PID_NS COMMAND...
# It starts COMMAND (already split into words the way Ruby's spawn splits the agent's one-string
# command) in a new process group, as the CodeDeploy agent's Open3.popen3(..., pgroup: true) does,
# and appends what happened to STATUS, one fact per line:
#   pipes <stdout inode> <stderr inode>   the capture pipes
#   pid <pid>                             the script's process (in the sandbox's PID namespace)
#   exec-error <errno> <NAME> <text>      exec failed, after Ruby's ENOEXEC retry under /bin/sh
#   deadline | stopped                    SIGTERM went to the script's processes
#   survived-term <pid> <command>         still alive after the grace period, got SIGKILL
#   exit <n> | signal <n> <NAME>          the script's raw wait status
#   settled <ms>                          (own PID namespace) waited this long for the outputs to close
#   holder stdout|stderr <pid> <command>  (own PID namespace) keeps an output open after the exit
#   leftover <pid> <command>              (own PID namespace) still running after the exit
#   done                                  then the wrapper waits until its own stdin closes
# The wrapper keeps no copy of the capture pipes once the script runs, so only the script's
# processes hold them. Only perl builtins: each module costs milliseconds per hook (even strict, and %!,
# which loads Errno), so errno numbers go to hooklab, which names them.

my ($status_path, $timeout, $grace_ms, $settle_ms, $own_ns, @command) = @ARGV;
open(my $status, '>>', $status_path) or exit 70;
sub report { my $line = join(' ', @_); $line =~ tr/\n\r/  /; syswrite($status, "$line\n") }

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
pipe(my $exec_r, my $exec_w) or do { report('exec-error', 0, 'EPIPE', "pipe: $!"); finish() };
my $pid = fork();
if (!defined $pid) { report('exec-error', $! + 0, 'EAGAIN', "$!"); finish() }
if ($pid == 0) {
    close $exec_r;
    open(STDIN, '<', '/dev/null'); # the agent closes the script's stdin at once
    $SIG{$_} = 'DEFAULT' for @stop_signals, qw(ALRM PIPE);
    setpgrp(0, 0);
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

my $started = time;
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
    my @targets = $own_ns ? others() : tree_of($pid);
    signal_all('TERM', @targets);
    my $waited = 0;
    while (1) {
        if (!defined $wait_status && waitpid($pid, 1) == $pid) { $wait_status = $? }
        last if defined $wait_status && !survivors(@targets);
        last if $waited >= $grace_ms;
        select(undef, undef, undef, 0.02);
        $waited += 20;
    }
    my @left = survivors(@targets);
    report('survived-term', $_, command_of($_)) for @left;
    signal_all('KILL', @left) if @left;
    if (!defined $wait_status) { waitpid($pid, 0); $wait_status = $? }
    report_wait_status($wait_status);
    finish();
}

report_wait_status($wait_status);
if ($own_ns) {
    my $left_ms = ($timeout - (time - $started)) * 1000;
    my $settle = $settle_ms < $left_ms ? $settle_ms : ($left_ms > 0 ? $left_ms : 0);
    my ($waited, @holders) = (0);
    while (1) {
        @holders = holders();
        last if !@holders || $waited >= $settle;
        select(undef, undef, undef, 0.025);
        $waited += 25;
    }
    report('settled', $waited) if $waited;
    my %holding = map { $_->[1] => 1 } @holders;
    report('holder', @$_) for @holders;
    report('leftover', $_, command_of($_)) for grep { !$holding{$_} } others();
    # nothing outlives the hook: end what is left now, so it is gone when hooklab hears "done"
    if (others()) {
        kill 'KILL', -1;
        for (1 .. 100) { last if !others(); select(undef, undef, undef, 0.01) }
    }
}
finish();

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

sub signal_all {
    my ($signal, @targets) = @_;
    if ($own_ns) { kill $signal, -1; return }    # every process in the sandbox but its init and us
    kill $signal, -$pid;
    kill $signal, @targets if @targets;
}
