//! The shapes of all loaded files together, by id, each with the file that defines it.

use super::{LoadedFile, Shape, ShapeId, ShapeKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::Path;

/// Every shape of a set of loaded files.
#[derive(Debug)]
pub struct Model<'a> {
    shapes: BTreeMap<&'a ShapeId, (&'a Shape, &'a Path)>,
}

impl<'a> Model<'a> {
    /// Joins the files' shapes; a shape id defined by two files is a problem.
    pub fn new(files: &'a [LoadedFile]) -> Result<Model<'a>, Diagnostics> {
        let mut shapes = BTreeMap::new();
        let mut problems = Diagnostics::default();
        for file in files {
            for (id, shape) in &file.shapes {
                if let Some((_, other)) = shapes.insert(id, (shape, file.path.as_path())) {
                    problems.push(Diagnostic {
                        file: Some(file.path.clone()),
                        position: None,
                        shape: Some(id.to_string()),
                        message: format!("shape is also defined in {}", other.display()),
                    });
                }
            }
        }
        problems.into_result(Model { shapes })
    }

    /// The shape `id` names (the shape holding it, for a member id).
    pub fn get(&self, id: &ShapeId) -> Option<&'a Shape> {
        self.entry(id).map(|(shape, _)| shape)
    }

    /// The file that defines the shape `id` names.
    pub fn file_of(&self, id: &ShapeId) -> Option<&'a Path> {
        self.entry(id).map(|(_, file)| file)
    }

    fn entry(&self, id: &ShapeId) -> Option<(&'a Shape, &'a Path)> {
        match id.member() {
            None => self.shapes.get(id).copied(),
            Some(_) => self.shapes.get(&id.root()).copied(),
        }
    }

    /// The type of the shape `id` names: a defined shape's, or a prelude shape's (which a
    /// JSON AST does not hold); `None` when it is neither.
    pub fn kind_of(&self, id: &ShapeId) -> Option<ShapeKind> {
        match self.get(id) {
            Some(shape) => Some(shape.kind.clone()),
            None if id.is_prelude() => Some(ShapeKind::of_prelude(id.name())),
            None => None,
        }
    }

    /// Every shape, by id.
    pub fn shapes(&self) -> impl Iterator<Item = &'a Shape> + '_ {
        self.shapes.values().map(|(shape, _)| *shape)
    }
}
