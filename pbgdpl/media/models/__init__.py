from .base import Audience, Processing
from .infographics import Infographic
from .lectures import Course, Lesson
from .materials import Material, MaterialKind
from .videos import Video, VideoSource

__all__ = ["Audience", "Course", "Infographic", "Lesson", "Material", "MaterialKind", "Processing", "Video",
           "VideoSource"]
