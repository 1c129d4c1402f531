package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.evidence.BundleVerifier;
import dev.kubepci.evidence.EvidenceException;
import dev.kubepci.evidence.KeyAlgorithm;
import dev.kubepci.evidence.Keys;
import dev.kubepci.evidence.SigningKey;
import dev.kubepci.evidence.Statement;
import dev.kubepci.report.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubepci evidence}: signed evidence bundles for the assessor. */
@Command(name = "evidence", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Pack the evidence of an assessment into one signed archive, and verify one.",
    subcommands = {EvidenceCommand.Keygen.class, EvidenceCommand.Pack.class, EvidenceCommand.Verify.class},
    footer = {"", "Examples:",
        "  kubepci evidence keygen --private-key signer.key --public-key signer.pub",
        "  kubepci evidence pack --output evidence.zip --signing-key signer.key examples/payment-platform/manifests",
        "  kubepci evidence verify evidence.zip --public-key signer.pub",
        "  kubepci evidence verify evidence.zip --ca qsa-ca.pem",
        "",
        "Exit codes: 0 verified or written, 1 the bundle does not verify, 2 usage error (bad key, missing file)."})
public final class EvidenceCommand extends CommandGroup {

  /** {@code kubepci evidence keygen}. */
  @Command(name = "keygen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Make a key pair for signing evidence bundles (PEM: PKCS#8 private key, X.509 public key).",
          "The private-key file holds the public key too; keep it secret (it is written readable by you alone)."})
  static final class Keygen extends KubepciSubcommand {
    @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "ed25519",
        description = "ed25519 or ecdsa-p256. Default: ${DEFAULT-VALUE}.")
    String algorithm;

    @Option(names = "--private-key", paramLabel = "FILE", required = true, description = "Where to write the private key.")
    Path privateKey;

    @Option(names = "--public-key", paramLabel = "FILE", required = true, description = "Where to write the public key.")
    Path publicKey;

    @Override
    public Integer call() throws IOException {
      KeyAlgorithm alg;
      try {
        alg = KeyAlgorithm.parse(algorithm);
      } catch (IllegalArgumentException e) {
        throw new UserException(ExitCode.USAGE, "--algorithm: " + e.getMessage());
      }
      KeyPair pair = Keys.generate(alg);
      writeNew(privateKey, Keys.privateKeyPem(pair.getPrivate()) + Keys.publicKeyPem(pair.getPublic()), true);
      writeNew(publicKey, Keys.publicKeyPem(pair.getPublic()), false);
      Environment.say(env().out(), alg.label() + " key pair written: private key " + privateKey + ", public key "
          + publicKey + " (key id " + Keys.keyId(pair.getPublic()) + ")");
      return ExitCode.OK.code();
    }

    private static void writeNew(Path file, String text, boolean secret) throws IOException {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      try {
        Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        throw new UserException(ExitCode.USAGE, file + " exists; kubepci never overwrites a key");
      }
      if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    }
  }

  /** {@code kubepci evidence pack}: a scan of files or a snapshot whose only output is the signed bundle. */
  @Command(name = "pack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Assess files or a snapshot and write a signed evidence bundle: the JSON and HTML reports, the "
          + "inputs, configuration, waivers and attestations, the rule catalogue and framework, and a manifest of "
          + "every file (SHA-256 and size) as an in-toto Statement in a DSSE envelope.",
          "The same as 'kubepci scan PATH... --evidence-bundle FILE --signing-key KEY' without a report on standard "
              + "output; use that for a live cluster."})
  static final class Pack extends KubepciSubcommand {
    @Parameters(paramLabel = "PATH", arity = "1..*",
        description = "Manifest files or directories, or one snapshot file, as for 'kubepci scan'.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The bundle to write (zip).")
    Path output;

    @Mixin
    SigningOptions signing;

    @Mixin
    GovernanceOptions governance;

    @Mixin
    RuleSelection selection;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "kubepci configuration, as for scan.")
    Path config;

    @Override
    public Integer call() throws IOException {
      ScanCommand scan = new ScanCommand();
      // 'kubepci scan' in this run's environment: picocli fills in every option's default and mixin, so scan
      // options added later need no code here
      new picocli.CommandLine(new KubepciCommand(env())).addSubcommand(scan).parseArgs("scan");
      scan.paths = paths;
      scan.selection = selection;
      scan.governance = governance;
      scan.config = config;
      scan.failOn = "none";
      scan.groupBy = "area";
      scan.quiet = true;
      scan.evidenceBundle = output;
      scan.signing = signing;
      scan.reportToStdout = false;
      return scan.call();
    }
  }

  /** {@code --signing-key} and {@code --certificate-chain}, shared by {@code scan} and {@code evidence pack}. */
  public static final class SigningOptions {
    @Option(names = "--signing-key", paramLabel = "KEY",
        description = "PEM private key (Ed25519 or ECDSA P-256, PKCS#8) that signs the evidence bundle, followed "
            + "by its public key as 'evidence keygen' writes it (or give --certificate-chain).")
    Path signingKey;

    @Option(names = "--certificate-chain", paramLabel = "PEM",
        description = "The signer's X.509 certificate chain, leaf first, to put into the bundle for verification "
            + "against a CA.")
    Path certificateChain;

    boolean given() {
      return signingKey != null || certificateChain != null;
    }

    /** The signing key and chain, read and checked before any work is done. */
    Signer read() {
      if (signingKey == null) {
        throw new UserException(ExitCode.USAGE, "an evidence bundle needs --signing-key KEY");
      }
      try {
        List<X509Certificate> chain = certificateChain == null ? List.of() : Keys.certificates(certificateChain);
        if (certificateChain != null && chain.isEmpty()) {
          throw new UserException(ExitCode.USAGE, certificateChain + ": no certificate in this file");
        }
        SigningKey key = Keys.readSigningKey(signingKey, chain.isEmpty() ? null : chain.get(0));
        return new Signer(key, chain);
      } catch (EvidenceException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage());
      }
    }
  }

  /** A signing key with its certificate chain (possibly empty). */
  record Signer(SigningKey key, List<X509Certificate> chain) {}

  /** {@code kubepci evidence verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Verify an evidence bundle: the signature over its manifest, then the SHA-256 and size of every "
          + "file; a changed, missing or extra file fails. Prints what the bundle attests.",
          "With --ca, the bundle's certificate chain must lead to the CA and be valid now (no revocation check)."})
  static final class Verify extends KubepciSubcommand {
    @Parameters(paramLabel = "BUNDLE", description = "The evidence bundle (zip).")
    Path bundle;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TrustOption trust;

    static final class TrustOption {
      @Option(names = "--public-key", paramLabel = "PEM", required = true,
          description = "The signer's public key (or a certificate holding it).")
      Path publicKey;

      @Option(names = "--ca", paramLabel = "PEM", required = true,
          description = "CA certificate(s) the bundle's certificate chain must lead to.")
      Path ca;
    }

    @Override
    public Integer call() {
      Environment env = env();
      BundleVerifier.Trust t;
      try {
        t = trust.publicKey != null ? BundleVerifier.Trust.key(Keys.readPublicKey(trust.publicKey))
            : BundleVerifier.Trust.authorities(Keys.certificates(trust.ca));
      } catch (EvidenceException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage());
      }
      if (!Files.isRegularFile(bundle)) {
        throw new UserException(ExitCode.USAGE, "no such file: " + bundle);
      }
      BundleVerifier.Verified v;
      try {
        v = BundleVerifier.verify(bundle, t, env.clock().instant());
      } catch (EvidenceException e) {
        // one problem a line, each escaped: the only line breaks are these, never one from a value in the bundle
        env.say("NOT VERIFIED: " + e.headline());
        for (String problem : e.problems()) {
          env.err().println("  " + Printable.text(problem));
        }
        env.err().flush();
        return ExitCode.FINDINGS.code();
      }
      PrintWriter out = env.out();
      Statement.Predicate p = v.statement().predicate();
      // everything below but the counts comes from the signed statement or the command line: a valid signature
      // says who wrote it, not that it is safe to print, so each value is escaped
      out.println("kubepci: evidence bundle " + Printable.text(bundle.toString()) + " verified");
      out.println("  signed by:   " + Printable.text(v.signer()));
      out.println("  files:       " + v.files() + ", each matching the SHA-256 and size in the signed manifest");
      out.println("  assessed:    " + Printable.text(p.createdAt() + " by " + p.tool().name() + " "
          + p.tool().version()));
      out.println("  framework:   " + Printable.text(p.framework().name() + " " + p.framework().version()
          + (p.crossReference() == null ? "" : ", cross-reference " + p.crossReference().name() + " "
              + p.crossReference().version())) + ", " + p.rules() + " rules");
      out.println("  cluster:     " + (p.cluster() == null ? "none (offline files)"
          : Printable.text(p.cluster().name()) + (p.cluster().server() == null ? ""
              : " at " + Printable.text(p.cluster().server()))
              + (p.cluster().version() == null ? "" : ", Kubernetes " + Printable.text(p.cluster().version()))));
      out.println("  inputs:      " + p.inputs().stream().map(Printable::text).collect(Collectors.joining(", ")));
      out.println("  practices:   " + counts(p.summary().practices()));
      out.println("  findings:    " + counts(p.summary().failingFindings()) + " failing; "
          + p.summary().waivedFindings() + " waived; " + p.summary().inputErrors() + " input errors");
      if (p.notIncluded() != null) {
        p.notIncluded().forEach(n -> out.println("  not packed:  " + Printable.text(n)));
      }
      out.flush();
      return ExitCode.OK.code();
    }

    private static String counts(Map<String, Integer> counts) {
      String s = counts.entrySet().stream().filter(e -> e.getValue() > 0)
          .map(e -> e.getValue() + " " + Printable.text(e.getKey())).collect(Collectors.joining(", "));
      return s.isEmpty() ? "none" : s;
    }
  }
}
