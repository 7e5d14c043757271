//! `cargo xtask codegen --out DIR` writes only where it knows the directory is its own, driven
//! in-process through `xtask::run` as the binary runs it. Every refusal exits 1 with a message
//! naming why, and leaves every byte, link and directory of the user's tree as it was.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use workspace_tests::{root, TempDir};

fn xtask(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = xtask::run(args, &mut out, &mut err);
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn text(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// Everything below `dir`, links not followed: each entry's path, kind and contents (a
/// file's bytes, a link's target), sorted. Equal before and after means byte for byte intact.
fn tree(dir: &Path) -> Vec<(String, &'static str, Vec<u8>)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(dir).unwrap().display().to_string();
            let kind = fs::symlink_metadata(&path).unwrap().file_type();
            if kind.is_symlink() {
                let target = fs::read_link(&path).unwrap();
                found.push((relative, "link", target.display().to_string().into_bytes()));
            } else if kind.is_dir() {
                found.push((relative, "dir", Vec::new()));
                pending.push(path);
            } else {
                found.push((relative, "file", fs::read(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

/// A directory of someone's work: a git repository with notes.
fn users_directory(at: &Path) {
    fs::create_dir_all(at.join(".git/refs")).unwrap();
    fs::write(at.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    fs::write(at.join("notes.md"), "# my notes\n").unwrap();
}

/// A copy of the bundled model in `dir/models`.
fn models_in(dir: &Path) -> PathBuf {
    let models = dir.join("models");
    fs::create_dir_all(&models).unwrap();
    for entry in fs::read_dir(root().join("models")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, models.join(path.file_name().unwrap())).unwrap();
    }
    models
}

/// Runs `codegen` with `args`, expects a refusal (status 1, nothing on stdout, one error line
/// containing every one of `expected`), and checks that `watched` did not change.
fn refused(args: &[&str], watched: &Path, expected: &[&str]) {
    let before = tree(watched);
    let mut all = vec!["codegen"];
    all.extend(args);
    let (status, out, err) = xtask(&all);
    assert_eq!(status, 1, "{args:?}: {err}");
    assert!(out.is_empty(), "{args:?}: {out}");
    assert!(
        err.starts_with("error: will not write ") && err.ends_with("(nothing was changed)\n"),
        "{args:?}: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    for part in expected {
        assert!(err.contains(part), "{args:?}: expected {part:?} in {err}");
    }
    assert_eq!(tree(watched), before, "{args:?} changed the user's files");
}

#[test]
fn a_directory_of_user_files_is_refused_and_kept() {
    let dir = TempDir::new("own-user-files");
    let out = dir.path().join("work");
    users_directory(&out);
    refused(
        &["--out", text(&out)],
        dir.path(),
        &[
            "it holds `.git/HEAD`, which is neither listed in its manifest nor marked `@generated`",
            "replaces only a directory that is empty or holds a crate it generated",
        ],
    );
}

#[test]
fn a_generated_crate_with_a_file_added_is_refused_and_kept() {
    let dir = TempDir::new("own-added-file");
    let out = dir.path().join("crate");
    let (status, _, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    fs::write(out.join("src/mine.rs"), "// my own code\n").unwrap();
    refused(
        &["--out", text(&out)],
        dir.path(),
        &["it holds `src/mine.rs`, which is neither listed in its manifest nor marked `@generated`"],
    );
    // A directory of its own is no different.
    fs::remove_file(out.join("src/mine.rs")).unwrap();
    fs::create_dir(out.join("docs")).unwrap();
    refused(
        &["--out", text(&out)],
        dir.path(),
        &["it holds `docs/`, a directory with no generated file in it"],
    );
}

#[test]
fn an_output_that_is_or_holds_or_lies_in_the_models_is_refused() {
    let dir = TempDir::new("own-models");
    let models = models_in(dir.path());
    let model = text(&models);
    refused(
        &["--model", model, "--out", model],
        dir.path(),
        &[&format!("it contains the model path {model}")],
    );
    let inside = models.join("out");
    refused(
        &["--model", model, "--out", text(&inside)],
        dir.path(),
        &[&format!("it lies inside the model path {model}")],
    );
    // `.` with the model below it, spelled so that the last part is not a name.
    let above = models.join("..");
    refused(
        &["--model", model, "--out", text(&above)],
        dir.path(),
        &["it contains the model path"],
    );
    // The model file itself, and a directory holding it.
    let file = models.join("kms-custom-key-stores.json");
    refused(
        &["--model", text(&file), "--out", text(dir.path())],
        dir.path(),
        &["it contains the model path"],
    );
}

#[test]
fn a_file_at_the_output_path_is_refused_and_kept() {
    let dir = TempDir::new("own-file");
    let out = dir.path().join("crate");
    fs::write(&out, "not a directory\n").unwrap();
    refused(
        &["--out", text(&out)],
        dir.path(),
        &["it is a file, not a directory"],
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_at_the_output_path_is_refused_even_to_a_generated_crate() {
    let dir = TempDir::new("own-symlink");
    let real = dir.path().join("real");
    let (status, _, err) = xtask(&["codegen", "--out", text(&real)]);
    assert_eq!(status, 0, "{err}");
    fs::write(real.join("src/lib.rs"), "// stale\n").unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    refused(
        &["--out", text(&link)],
        dir.path(),
        &[&format!(
            "it is a symbolic link (to {}); the generator does not write through links",
            real.display()
        )],
    );
}

#[test]
fn a_crate_the_generator_wrote_is_replaced_and_its_build_files_kept() {
    let dir = TempDir::new("own-replaced");
    let out = dir.path().join("crate");
    let (status, stdout, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    assert!(stdout.trim_end().ends_with("(written)"), "{stdout}");
    let fresh = tree(&out);
    fs::write(out.join("src/lib.rs"), "// edited by hand\n").unwrap();
    fs::remove_file(out.join("src/primitives.rs")).unwrap();
    fs::write(out.join("Cargo.lock"), "# a lock file\n").unwrap();
    fs::create_dir_all(out.join("target/debug")).unwrap();
    fs::write(out.join("target/debug/build"), "built").unwrap();

    let (status, stdout, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(stdout.trim_end().ends_with("(written)"), "{stdout}");
    let mut expected = fresh.clone();
    expected.push(("Cargo.lock".into(), "file", b"# a lock file\n".to_vec()));
    expected.push(("target".into(), "dir", Vec::new()));
    expected.push(("target/debug".into(), "dir", Vec::new()));
    expected.push(("target/debug/build".into(), "file", b"built".to_vec()));
    expected.sort();
    assert_eq!(tree(&out), expected);
    assert_eq!(
        tree(dir.path())
            .iter()
            .filter(|e| !e.0.contains('/'))
            .count(),
        1,
        "no staging left"
    );

    let (status, stdout, _) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0);
    assert!(stdout.trim_end().ends_with("(unchanged)"), "{stdout}");
}

/// A crate written before the manifest existed (every file carries the `@generated` header)
/// is recognised, replaced, and gets its manifest; so is a file marked `@generated` that the
/// manifest does not list.
#[test]
fn a_crate_written_before_manifests_is_recognised_by_its_headers() {
    let dir = TempDir::new("own-legacy");
    let out = dir.path().join("crate");
    let (status, _, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    let fresh = tree(&out);
    fs::remove_file(out.join(".kms-codegen-manifest")).unwrap();
    let (status, stdout, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    assert!(stdout.trim_end().ends_with("(written)"), "{stdout}");
    assert_eq!(tree(&out), fresh);

    // A merge brought in a generated file the manifest does not list, and left conflict
    // markers in the manifest: the header still marks every file as the generator's.
    let header = "// @generated by the kms-codegen workspace from a Smithy model.\n";
    fs::write(out.join("src/from_another_branch.rs"), header).unwrap();
    let manifest = out.join(".kms-codegen-manifest");
    let conflicted = format!(
        "<<<<<<< HEAD\n{}=======\n>>>>>>> main\n",
        fs::read_to_string(&manifest).unwrap()
    );
    fs::write(&manifest, conflicted).unwrap();
    let (status, stdout, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    assert!(stdout.trim_end().ends_with("(written)"), "{stdout}");
    assert_eq!(tree(&out), fresh);

    fs::remove_file(out.join(".kms-codegen-manifest")).unwrap();
    fs::write(out.join("src/notes.txt"), "mine\n").unwrap();
    refused(
        &["--out", text(&out)],
        dir.path(),
        &["it holds `src/notes.txt`, which is neither listed in its manifest nor marked `@generated`"],
    );
}

#[test]
fn an_empty_or_missing_directory_is_written() {
    let dir = TempDir::new("own-empty");
    for out in [dir.path().join("empty"), dir.path().join("a/b/missing")] {
        if out.ends_with("empty") {
            fs::create_dir(&out).unwrap();
        }
        let (status, stdout, err) = xtask(&["codegen", "--out", text(&out)]);
        assert_eq!(status, 0, "{err}");
        assert!(stdout.trim_end().ends_with("(written)"), "{stdout}");
        assert!(out.join(".kms-codegen-manifest").is_file());
    }
}

/// A staging directory as a killed run leaves it (here made by hand, with the marker a run
/// writes and the id of a process that cannot exist) is removed by the next run, which says
/// so; when the run was killed between its two renames, the previous crate is put back first.
#[test]
fn an_interrupted_runs_staging_directory_is_cleaned_up_and_reported() {
    let dir = TempDir::new("own-leftover");
    let out = dir.path().join("crate");
    let (status, _, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    let leftover = dir.path().join(".kms-codegen-tmp-Zx81Qa");
    fs::create_dir_all(leftover.join("new/src")).unwrap();
    fs::write(leftover.join(".gitignore"), "*\n").unwrap();
    fs::write(
        leftover.join(".kms-codegen-run"),
        "pid 4194305\nfor crate\n",
    )
    .unwrap();
    fs::write(leftover.join("new/src/lib.rs"), "// half written\n").unwrap();

    let (status, _, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        err,
        format!(
            "note: removed {}, left by an interrupted codegen run (pid 4194305)\n",
            leftover.display()
        )
    );
    assert!(!leftover.exists());

    // Killed between moving the old crate aside and moving the new one in.
    let fresh = tree(&out);
    fs::create_dir(&leftover).unwrap();
    fs::write(
        leftover.join(".kms-codegen-run"),
        "pid 4194305\nfor crate\n",
    )
    .unwrap();
    fs::rename(&out, leftover.join("old")).unwrap();
    let (status, stdout, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    assert!(
        err.contains("note: put back the previous crate at ") && err.contains("note: removed "),
        "{err}"
    );
    assert!(stdout.trim_end().ends_with("(unchanged)"), "{stdout}");
    assert_eq!(tree(&out), fresh);
    assert!(!leftover.exists());
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    assert!(output.status.success(), "git {args:?}: {:?}", output);
    Some(String::from_utf8(output.stdout).unwrap())
}

/// In a git repository, a run leaves `git status` clean, and a staging directory left by a
/// killed run does not show in it either (it holds a `.gitignore` of `*`).
#[test]
fn git_status_stays_clean_around_a_run() {
    let dir = TempDir::new("own-git");
    if git(dir.path(), &["init", "-q"]).is_none() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let out = dir.path().join("generated");
    let (status, _, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        git(dir.path(), &["status", "--porcelain"]).unwrap(),
        "?? generated/\n"
    );
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "generated"]);
    fs::write(out.join("src/lib.rs"), "// stale\n").unwrap();
    let (status, _, err) = xtask(&["codegen", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        git(dir.path(), &["status", "--porcelain", "--ignored=no"]).unwrap(),
        ""
    );

    // The staging directory as a run makes it, left behind by a kill.
    let leftover = dir.path().join(".kms-codegen-tmp-q7Tb2C");
    fs::create_dir_all(leftover.join("new/src")).unwrap();
    fs::write(leftover.join(".gitignore"), "*\n").unwrap();
    fs::write(
        leftover.join(".kms-codegen-run"),
        "pid 4194305\nfor generated\n",
    )
    .unwrap();
    fs::write(leftover.join("new/src/lib.rs"), "// half written\n").unwrap();
    assert_eq!(git(dir.path(), &["status", "--porcelain"]).unwrap(), "");
}

#[test]
fn invalid_crate_names_exit_2_and_write_nothing() {
    let dir = TempDir::new("own-crate-name");
    let out = dir.path().join("crate");
    for (name, why) in [
        ("", "it is empty"),
        ("1kms", "it must start with an ASCII letter"),
        (
            "my crate",
            "' ' is not allowed (only ASCII letters, digits, `-` and `_`)",
        ),
        (
            "kms::api",
            "':' is not allowed (only ASCII letters, digits, `-` and `_`)",
        ),
        (
            "kms\"]\nx = \"",
            "'\"' is not allowed (only ASCII letters, digits, `-` and `_`)",
        ),
        (
            "self",
            "`self` is a Rust keyword or the name of a library Rust provides",
        ),
        (
            "std",
            "`std` is a Rust keyword or the name of a library Rust provides",
        ),
        (&"k".repeat(65), "it is longer than 64 characters"),
    ] {
        let (status, stdout, err) = xtask(&["codegen", "--crate-name", name, "--out", text(&out)]);
        assert_eq!(status, 2, "{name:?}: {err}");
        assert!(stdout.is_empty());
        let first = err.split("\n\n").next().unwrap();
        assert_eq!(
            first,
            format!("error: --crate-name `{name}` is not a valid package name: {why}"),
            "{name:?}"
        );
        assert!(err.contains("usage: cargo xtask codegen"), "{err}");
        assert!(!out.exists(), "{name:?}");
    }
    let (status, _, err) = xtask(&["codegen", "--crate-name", "my-kms_2", "--out", text(&out)]);
    assert_eq!(status, 0, "{err}");
    let manifest = fs::read_to_string(out.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"my-kms_2\""), "{manifest}");
}

#[cfg(unix)]
#[test]
fn non_utf8_paths_and_names_exit_2_and_write_nothing() {
    use std::ffi::{OsStr, OsString};
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new("own-non-utf8");
    let mut out = dir.path().as_os_str().to_owned();
    out.push("/caf");
    out.push(OsStr::from_bytes(b"\xe9"));
    for flag in ["--out", "--model", "--crate-name"] {
        let args: Vec<OsString> = vec!["codegen".into(), flag.into(), out.clone()];
        let (mut stdout, mut err) = (Vec::new(), Vec::new());
        let status = xtask::run(args, &mut stdout, &mut err);
        let err = String::from_utf8(err).unwrap();
        assert_eq!(status, 2, "{flag}: {err}");
        assert!(
            err.starts_with(&format!(
                "error: argument `{}/caf\u{fffd}` is not valid UTF-8\n",
                dir.path().display()
            )),
            "{flag}: {err}"
        );
    }
    assert_eq!(tree(dir.path()), Vec::new());
}
