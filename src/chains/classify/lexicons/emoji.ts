// Written for Parley: emoji and emoticons whose polarity is stable across languages. Laughing-crying
// faces are left out on purpose: in complaints they are as often sarcastic as happy.
export const POSITIVE_EMOJI: readonly string[] = [
  '😀', '😃', '😄', '😁', '😆', '😊', '🙂', '😍', '🥰', '😘', '😻', '❤', '♥', '💕', '💖', '💗', '💙', '💚', '💛',
  '💜', '🧡', '🤍', '💓', '💞', '👍', '👏', '🙌', '🎉', '🥳', '✨', '💯', '😎', '🤩', '😋', '👌', '☺', '😇', '🤗',
  '💪', '⭐', '🌟', '🙏', '😉', '😌', '🥂', '🍾', '🎊', '✌', '💐', '🌹',
  ':)', ':-)', ':d', ':-d', '(:', ';)', ';-)', '<3', '=)', ':p', '^_^', '^^',
]
export const NEGATIVE_EMOJI: readonly string[] = [
  '😠', '😡', '🤬', '😤', '😞', '😔', '😟', '😢', '😭', '😩', '😫', '😖', '😣', '☹', '🙁', '😒', '🙄', '👎', '💔',
  '🤮', '🤢', '😱', '😨', '😰', '😓', '😕', '🤦', '😬', '😪', '😿', '💩', '🖕',
  ':(', ':-(', ":'(", 'd:', '):', ':/', ':-/', '</3', '>:(', '-_-',
]
