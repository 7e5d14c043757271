//! boto3 and the AWS CLI (pytest, `tests/python/`) drive the emulator, from `cargo test`
//! itself: the pinned packages of `tests/python/requirements.txt` are installed into
//! `target/emulator-venv` when missing. Where that cannot be done (no `python3`, PyPI
//! unreachable), the test prints `SKIPPED` with the reason and passes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn target_dir() -> PathBuf {
    // target/<profile>/kms-emulator
    let binary = Path::new(env!("CARGO_BIN_EXE_kms-emulator"));
    binary
        .parent()
        .and_then(Path::parent)
        .map(Path::to_owned)
        .unwrap_or_else(|| PathBuf::from("target"))
}

/// The venv's python, installing the pinned requirements when they are not there yet.
fn venv(requirements: &Path) -> Result<PathBuf, String> {
    let venv = target_dir().join("emulator-venv");
    let python = venv.join("bin/python");
    let stamp = venv.join("requirements.txt");
    let wanted = std::fs::read_to_string(requirements).map_err(|e| e.to_string())?;
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) && python.exists() {
        return Ok(python);
    }
    let created = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .output();
    match created {
        Ok(output) if output.status.success() => {}
        Ok(output) => {
            return Err(format!(
                "python3 -m venv failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
        Err(error) => return Err(format!("python3 is not available: {error}")),
    }
    let installed = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--timeout",
            "30",
            "-r",
        ])
        .arg(requirements)
        .output()
        .map_err(|error| error.to_string())?;
    if !installed.status.success() {
        let stderr = String::from_utf8_lossy(&installed.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("pip failed");
        return Err(format!(
            "cannot install the pinned clients from PyPI: {last}"
        ));
    }
    std::fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
    Ok(python)
}

#[test]
fn boto3_and_the_aws_cli_drive_the_lifecycle() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python");
    let python = match venv(&here.join("requirements.txt")) {
        Ok(python) => python,
        Err(reason) => {
            println!("SKIPPED boto3_and_the_aws_cli_drive_the_lifecycle: {reason}");
            return;
        }
    };
    let bin = python.parent().unwrap_or(Path::new("."));
    let output = Command::new(&python)
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(here.join("test_clients.py"))
        .env("KMS_EMULATOR_BIN", env!("CARGO_BIN_EXE_kms-emulator"))
        .env("AWS_CLI", bin.join("aws"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "pytest failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
